using System.Text;
using Growth.Domain.Import;

namespace Growth.Dashboard.Application.Import;

/// <summary>Every rejected row of an import with its reason, as a CSV file to download (the page lists only the first ones).</summary>
public static class RejectedRows
{
    /// <summary>The file's name when downloaded.</summary>
    public const string FileName = "rejected-rows.csv";

    /// <summary>
    /// CSV: row (the line in the file, header = 1), opportunity id (an event file's row: its key), reason, detail, and the
    /// file (<paramref name="pipelineFile"/> for the pipeline's rows); one line per rejected row.
    /// </summary>
    public static string Csv(IEnumerable<ImportIssue> rejected, string pipelineFile = "")
    {
        var csv = new StringBuilder("row,opportunity_id,reason,detail,file\n");
        foreach (var issue in rejected)
            csv.Append(issue.Row).Append(',').Append(Quote(issue.OpportunityId)).Append(',')
                .Append(Quote(issue.Reason)).Append(',').Append(Quote(issue.Detail ?? "")).Append(',')
                .Append(Quote(issue.File ?? pipelineFile)).Append('\n');
        return csv.ToString();
    }

    /// <summary>A data URL of <see cref="Csv"/>, for a download link that needs no request.</summary>
    public static string DataUrl(IEnumerable<ImportIssue> rejected, string pipelineFile = "") =>
        "data:text/csv;charset=utf-8;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(Csv(rejected, pipelineFile)));

    /// <summary>A field quoted when it holds a comma, quote or line break (RFC 4180); a leading = + - @ is escaped so a spreadsheet does not run it.</summary>
    static string Quote(string field)
    {
        if (field.Length > 0 && field[0] is '=' or '+' or '-' or '@') field = "'" + field;
        return field.IndexOfAny([',', '"', '\n', '\r']) < 0 ? field : $"\"{field.Replace("\"", "\"\"")}\"";
    }
}
