namespace Growth.Dashboard.Application.Import;

/// <summary>
/// Settings of the import (section <c>Import</c>). <see cref="MaxUploadMegabytes"/>: the largest upload, the files
/// together, in MiB; default 512 (assumed: a 1,000,000-row deals export in the HubSpot layout is 126 MiB, see the
/// import-1m benchmark, so the default takes four of them; an upload over it is refused before it is read). Valid from
/// 1 to 1,536 (form bodies are counted in 32-bit lengths by parts of ASP.NET Core, so 2 GiB is never reached).
/// </summary>
public sealed class ImportOptions
{
    public const string Section = "Import";
    public const long MinMegabytes = 1, MaxMegabytes = 1_536;

    public long MaxUploadMegabytes { get; set; } = 512;

    /// <summary>The limit in bytes.</summary>
    public long MaxUploadBytes => MaxUploadMegabytes * 1024 * 1024;

    /// <summary>Why the settings are wrong, naming the key; null when they are right.</summary>
    public string? Validate() => MaxUploadMegabytes is < MinMegabytes or > MaxMegabytes
        ? $"{Section}:MaxUploadMegabytes must be from {MinMegabytes} to {MaxMegabytes} MiB (was {MaxUploadMegabytes})"
        : null;

    /// <summary>The refusal of an upload of <paramref name="bytes"/> (null when unknown) over the limit, naming the file when known.</summary>
    public string TooLarge(string? file, long? bytes)
    {
        var c = System.Globalization.CultureInfo.InvariantCulture;
        var size = bytes is { } b ? $" is {(b / 1048576.0).ToString("N1", c)} MiB ({b.ToString("N0", c)} bytes)" : " is larger than allowed";
        return $"{file ?? "the upload"}{size}: at most {MaxUploadMegabytes.ToString("N0", c)} MiB ({MaxUploadBytes.ToString("N0", c)} bytes) are accepted, " +
            $"the files together (setting {Section}:MaxUploadMegabytes); nothing was stored";
    }
}
