using Growth.Domain.Access;
using Growth.Domain.Grades;
using Growth.Domain.Journeys;
using Growth.Domain.Records;
using Growth.Domain.Simulation;

namespace Growth.Domain.Tests.Grades;

/// <summary>
/// The intent grades page's figures add up and each is the total of the record list its cell opens: open leads by grade
/// now, and the period's leads by grade (created in it) split into those still leads and those that became deals, of
/// which the deals won.
/// </summary>
public class IntentGradeViewTests
{
    static readonly DateTimeOffset From = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), To = new(2026, 4, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// 60 journeys: grade by i % 5 (A, B, C, D, none); created in the period unless i % 6 == 5 (before it); kind by i % 4:
    /// 0 an open lead, 1 a disqualified lead, 2 an open deal, 3 a deal won (value 1,000) or, when i % 3 == 0, lost;
    /// reps rep-a (team-1) and rep-b (team-2) in turn.
    /// </summary>
    static List<CustomerRecord> Rows() => Enumerable.Range(0, 60).Select(i =>
    {
        var deal = i % 4 >= 2;
        var won = i % 4 == 3 && i % 3 != 0;
        var state = new JourneyState
        {
            Id = $"j-{i:00}", Grade = i % 5 < 4 ? (IntentGrade)(i % 5) : null,
            Status = (i % 4) switch { 0 or 2 => JourneyStatus.Prospect, 1 => JourneyStatus.Disqualified, _ => won ? JourneyStatus.Customer : JourneyStatus.Lost },
            Stage = deal ? FunnelStage.Opportunity : FunnelStage.Lead, OpportunityAt = deal ? From.AddDays(3) : null, Won = won, WonValue = won ? 1000 : 0,
            CreatedAt = i % 6 == 5 ? From.AddDays(-2) : From.AddDays(i), RegionId = "region-1",
            TeamId = i % 2 == 0 ? "team-1" : "team-2", RepId = i % 2 == 0 ? "rep-a" : "rep-b",
        };
        return CustomerRecord.Of(state, null, erased: false);
    }).ToList();

    static int Total(IEnumerable<CustomerRecord> rows, RecordQuery query, FigureScope scope) => RecordList.Slice(rows, query, scope, 0).Total;

    [Fact]
    public void Each_figure_is_its_record_list_s_total_and_the_figures_add_up()
    {
        var rows = Rows();
        // Two shards' slices merged, as the workspace's shards answer.
        var view = IntentGradeView.Merge([
            IntentGradeView.Slice(rows.Take(25), FigureScope.Full, From, To), IntentGradeView.Slice(rows.Skip(25), FigureScope.Full, From, To)]);
        Assert.Equal(["A", "B", "C", "D", "None"], view.Grades.Select(g => g.Grade));
        foreach (var g in view.Grades)
        {
            Assert.Equal(Total(rows, IntentGradeView.OpenLeads(g.Grade), FigureScope.Full), g.OpenLeads);
            Assert.Equal(Total(rows, IntentGradeView.Leads(g.Grade, From, To), FigureScope.Full), g.Leads);
            Assert.Equal(Total(rows, IntentGradeView.Deals(g.Grade, From, To), FigureScope.Full), g.Deals);
            Assert.Equal(Total(rows, IntentGradeView.Won(g.Grade, From, To), FigureScope.Full), g.Won);
            Assert.True(g.Won <= g.Deals && g.Deals <= g.Graded);
        }
        // By hand: grade A is i = 0, 5, …, 55; of them i = 5, 35 were created before the period (i % 6 == 5). Open leads
        // now: i = 0, 20, 40; the period's leads: 0, 20, 25, 40, 45; its deals: 10, 15, 30, 50, 55, of which 55 won (15 lost).
        var a = view.Grades[0];
        Assert.Equal((3, 5, 5, 1), (a.OpenLeads, a.Leads, a.Deals, a.Won));
        Assert.Equal(1000m, a.WonValue);
        Assert.Equal(10, a.Graded);
        Assert.Equal(0.1, a.Conversion!.Value, 10);
        Assert.Equal(0.5, a.ToDeal!.Value, 10);
        // The period's graded leads: every graded journey created in it, each counted once.
        var inPeriod = rows.Where(r => r.Grade is not null && r.CreatedAt >= From && r.CreatedAt < To).ToList();
        Assert.Equal(inPeriod.Count, view.Graded);
        Assert.Equal(inPeriod.Count(r => r.Won), view.Won);
        Assert.Equal(rows.Count(r => r.IsLead && r.Status == JourneyStatus.Prospect), view.OpenLeads);
        Assert.Equal(view.Grades.Sum(g => g.WonValue), rows.Where(r => r.Won && r.CreatedAt >= From && r.CreatedAt < To).Sum(r => r.WonValue));
    }

    [Fact]
    public void A_rep_sees_their_own_leads_and_an_empty_period_counts_no_leads()
    {
        var rows = Rows();
        var rep = new FigureScope(false, ["rep-a"]);
        var mine = IntentGradeView.Slice(rows, rep, From, To);
        Assert.Equal(IntentGradeView.Slice(rows.Where(r => r.RepId == "rep-a"), FigureScope.Full, From, To), mine, new SliceEquality());
        Assert.True(mine.Graded > 0 && mine.Graded < IntentGradeView.Slice(rows, FigureScope.Full, From, To).Graded);

        var empty = IntentGradeView.Slice(rows, FigureScope.Full, To, To);
        Assert.Equal(0, empty.Graded);
        Assert.Equal(rows.Count(r => r.IsLead && r.Status == JourneyStatus.Prospect), empty.OpenLeads);
    }

    [Fact]
    public void The_cells_addresses_read_back_as_the_same_queries()
    {
        var won = IntentGradeView.Won("B", From, To);
        var (query, error) = RecordQuery.Parse("Deals", null, null, null, null, null, null, null, null, null, null, null, null, null,
            grade: "b", createdFrom: From.ToString("O"), createdTo: To.ToString("O"), won: "true");
        Assert.Null(error);
        Assert.Equal((won.Kind, won.Grade, won.CreatedFrom, won.CreatedTo, won.Won), (query!.Kind, query.Grade, query.CreatedFrom, query.CreatedTo, query.Won));
        Assert.Equal("grade 'E' must be one of A, B, C, D, None",
            RecordQuery.Parse(null, null, null, null, null, null, null, null, null, null, null, null, null, null, grade: "e").Error?.Replace("'e'", "'E'"));
        Assert.StartsWith("createdFrom 'soon' is not a date", RecordQuery.Parse(null, null, null, null, null, null, null, null, null, null, null, null, null, null, createdFrom: "soon").Error);
        Assert.StartsWith("createdFrom (", RecordQuery.Parse(null, null, null, null, null, null, null, null, null, null, null, null, null, null, createdFrom: "2026-02-01", createdTo: "2026-01-01").Error);
        Assert.StartsWith("won 'maybe' must be one of true, false", RecordQuery.Parse(null, null, null, null, null, null, null, null, null, null, null, null, null, null, won: "maybe").Error);
        // A day reads as midnight UTC.
        Assert.Equal(From, RecordQuery.Parse(null, null, null, null, null, null, null, null, null, null, null, null, null, null, createdFrom: "2026-01-01").Query!.CreatedFrom);
    }

    sealed class SliceEquality : IEqualityComparer<GradeSlice>
    {
        public bool Equals(GradeSlice? x, GradeSlice? y) => x!.Grades.SequenceEqual(y!.Grades);
        public int GetHashCode(GradeSlice obj) => 0;
    }
}
