namespace Growth.Domain.Setup;

/// <summary>The two file formats a setup is downloaded and uploaded in.</summary>
public enum SetupFileFormat { Json, Yaml }

/// <summary>
/// Writes and reads a whole setup document (or one part of it) as JSON or YAML. A download uploaded again gives the
/// same setup. A document of the wrong shape is refused with <see cref="InvalidSetupException"/> naming the place.
/// </summary>
public static class SetupFormat
{
    /// <summary>The parts of a document, by their name in the file ("company", "organisation", ...).</summary>
    public static IReadOnlyList<string> Parts { get; } = ["company", "organisation", "catalogue", "channels", "targets", "paymentTerms"];

    public static string Write(SetupDocument document, SetupFileFormat format) => throw new NotImplementedException();

    public static SetupDocument Read(string text, SetupFileFormat format) => throw new NotImplementedException();

    /// <summary>The document with one part replaced by <paramref name="text"/> (that part alone, in the given format).</summary>
    public static SetupDocument ReadPart(SetupDocument document, string part, string text, SetupFileFormat format) => throw new NotImplementedException();

    /// <summary>One part of the document written alone.</summary>
    public static string WritePart(SetupDocument document, string part, SetupFileFormat format) => throw new NotImplementedException();
}
