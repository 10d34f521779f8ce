using Growth.Domain.Access;
using Growth.Domain.Journeys;
using Growth.Domain.Records;
using Growth.Domain.Simulation;

namespace Growth.Domain.Grades;

/// <summary>
/// One intent grade's figures: open leads of the grade now, and of the leads created in the period with the grade, those
/// still leads (open or disqualified), those that became deals, and of those the deals won and their value.
/// </summary>
/// <param name="Grade">"A" to "D", or "None": leads not graded (not qualified yet, or never).</param>
public sealed record GradeFigures(string Grade, int OpenLeads, int Leads, int Deals, int Won, decimal WonValue)
{
    /// <summary>Leads created in the period with the grade: those still leads plus those that became deals.</summary>
    public int Graded => Leads + Deals;
    /// <summary>Share of the period's graded leads that became a deal; null when none was graded.</summary>
    public double? ToDeal => Graded == 0 ? null : (double)Deals / Graded;
    /// <summary>Share of the period's graded leads won (conversion by grade); null when none was graded.</summary>
    public double? Conversion => Graded == 0 ? null : (double)Won / Graded;
}

/// <summary>The intent-grade mix and conversion by grade, A to D then "None", as one shard (or, merged, the workspace) sees it.</summary>
public sealed record GradeSlice(IReadOnlyList<GradeFigures> Grades)
{
    public static GradeSlice Empty { get; } = new(IntentGradeView.Names.Select(g => new GradeFigures(g, 0, 0, 0, 0, 0m)).ToList());
    public int OpenLeads => Grades.Sum(g => g.OpenLeads);
    public int Graded => Grades.Where(g => g.Grade != IntentGradeView.None).Sum(g => g.Graded);
    public int Won => Grades.Where(g => g.Grade != IntentGradeView.None).Sum(g => g.Won);
}

/// <summary>
/// Counts the intent grades from the record rows the shards keep (no journey is called). Pure. Every figure is the total
/// of a record list (<see cref="OpenLeads"/>, <see cref="Leads"/>, <see cref="Deals"/>, <see cref="Won"/>: the queries the
/// page's cells open), counted with the lists' own filter (<see cref="RecordList.Matches"/>), so a cell and its list agree.
/// A period is a cohort: the leads created in it, followed to whatever became of them since.
/// </summary>
public static class IntentGradeView
{
    public const string None = "None";
    /// <summary>The grades in the order shown: A to D, then leads not graded.</summary>
    public static readonly IReadOnlyList<string> Names = [.. Enum.GetNames<IntentGrade>(), None];

    /// <summary>Open leads of the grade now.</summary>
    public static RecordQuery OpenLeads(string grade) => new() { Kind = RecordKind.Leads, Grade = grade, Status = JourneyStatus.Prospect };

    /// <summary>Leads of the grade created in the period that are still leads (open or disqualified).</summary>
    public static RecordQuery Leads(string grade, DateTimeOffset from, DateTimeOffset to) =>
        new() { Kind = RecordKind.Leads, Grade = grade, CreatedFrom = from, CreatedTo = to };

    /// <summary>Leads of the grade created in the period that became deals (open, won or lost).</summary>
    public static RecordQuery Deals(string grade, DateTimeOffset from, DateTimeOffset to) =>
        new() { Kind = RecordKind.Deals, Grade = grade, CreatedFrom = from, CreatedTo = to };

    /// <summary>Of those, the deals won.</summary>
    public static RecordQuery Won(string grade, DateTimeOffset from, DateTimeOffset to) => Deals(grade, from, to) with { Won = true };

    /// <summary>The shard's figures, inside <paramref name="scope"/>, for leads created in [<paramref name="from"/>, <paramref name="to"/>) (none when the period is empty).</summary>
    public static GradeSlice Slice(IEnumerable<CustomerRecord> rows, FigureScope scope, DateTimeOffset from, DateTimeOffset to)
    {
        var cells = Names.Select(g => (Open: OpenLeads(g), Leads: Leads(g, from, to), Deals: Deals(g, from, to), Won: Won(g, from, to))).ToList();
        var counts = new int[Names.Count, 4];
        var value = new decimal[Names.Count];
        foreach (var row in rows)
        {
            var i = Index(row.Grade);
            var c = cells[i];
            if (RecordList.Matches(row, c.Open, scope)) counts[i, 0]++;
            if (RecordList.Matches(row, c.Leads, scope)) counts[i, 1]++;
            if (!RecordList.Matches(row, c.Deals, scope)) continue;
            counts[i, 2]++;
            if (!RecordList.Matches(row, c.Won, scope)) continue;
            counts[i, 3]++;
            value[i] += row.WonValue;
        }
        return new GradeSlice(Names.Select((g, i) => new GradeFigures(g, counts[i, 0], counts[i, 1], counts[i, 2], counts[i, 3], value[i])).ToList());
    }

    /// <summary>The workspace's figures from every shard's slice.</summary>
    public static GradeSlice Merge(IEnumerable<GradeSlice> slices)
    {
        var all = slices.SelectMany(s => s.Grades).ToList();
        return new GradeSlice(Names.Select(g =>
        {
            var of = all.Where(x => x.Grade == g).ToList();
            return new GradeFigures(g, of.Sum(x => x.OpenLeads), of.Sum(x => x.Leads), of.Sum(x => x.Deals), of.Sum(x => x.Won), of.Sum(x => x.WonValue));
        }).ToList());
    }

    static int Index(IntentGrade? grade) => grade is { } g && Enum.IsDefined(g) ? (int)g : Names.Count - 1;
}
