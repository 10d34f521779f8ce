using Growth.Domain.Setup;

namespace Growth.Grains.Errors;

/// <summary>A domain rule refused a request; the message says what was wrong. Nothing was changed.</summary>
[GenerateSerializer]
public sealed class DomainException : Exception
{
    public DomainException(string message, DomainErrorKind kind = DomainErrorKind.Invalid) : base(message) => Kind = kind;
    [Id(0)] public DomainErrorKind Kind { get; }

    /// <summary>Every problem of a refused setup, each naming its field path (null for any other refusal).</summary>
    [Id(1)] public IReadOnlyList<SetupProblem>? Problems { get; init; }

    /// <summary>The refusal of an invalid setup: its message lists the problems, which <see cref="Problems"/> carries too.</summary>
    public static DomainException Invalid(InvalidSetupException invalid) => new(invalid.Message) { Problems = invalid.Problems };
}

public enum DomainErrorKind { Invalid, NotFound, Conflict }
