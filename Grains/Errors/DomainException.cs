
namespace Growth.Grains.Errors;

/// <summary>A domain rule refused a request; the message says what was wrong. Nothing was changed.</summary>
[GenerateSerializer]
public sealed class DomainException : Exception
{
    public DomainException(string message, DomainErrorKind kind = DomainErrorKind.Invalid) : base(message) => Kind = kind;
    [Id(0)] public DomainErrorKind Kind { get; }
}

public enum DomainErrorKind { Invalid, NotFound, Conflict }
