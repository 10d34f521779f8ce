using Growth.Domain.Forecast;

namespace Growth.Domain.Tests.Forecast;

/// <summary>Saved views: a name per workspace (case ignored), the deal query's own checks, a limit per person.</summary>
public class SavedViewTests
{
    static readonly DateTimeOffset At = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    static SavedView View(string name, string workspace = "w", string? category = null, string sort = "close") =>
        new(name, workspace, null, null, category, null, sort, false, At);

    [Fact]
    public void Saving_a_name_again_replaces_it_in_its_workspace_only_and_views_list_by_name()
    {
        var (views, error) = SavedViews.Save([View("b"), View("A"), View("a", workspace: "other")], View("  a ", category: "Commit"));
        Assert.Null(error);
        Assert.Equal([("a", "Commit"), ("b", (string?)null)], SavedViews.Of(views!, "w").Select(v => (v.Name, v.Category)));
        Assert.Equal([("a", (string?)null)], SavedViews.Of(views!, "other").Select(v => (v.Name, v.Category)));
        Assert.Equal(["b"], SavedViews.Of(SavedViews.Delete(views!, "w", "A"), "w").Select(v => v.Name));
    }

    [Fact]
    public void A_bad_view_is_refused_naming_what_is_wrong_and_nothing_changes()
    {
        Assert.Equal("name must not be empty", SavedViews.Save([], View(" ")).Error);
        Assert.StartsWith("name must be at most 60 characters", SavedViews.Save([], View(new string('x', 61))).Error);
        Assert.StartsWith("sort 'size' must be one of customer", SavedViews.Save([], View("v", sort: "size")).Error);
        Assert.StartsWith("category 'Closed' must be one of Pipeline, BestCase, Commit", SavedViews.Save([], View("v", category: "Closed")).Error);
        var full = Enumerable.Range(0, SavedViews.MaxViews).Select(i => View($"v{i}")).ToList();
        Assert.Equal($"at most {SavedViews.MaxViews} saved views per person: delete one first", SavedViews.Save(full, View("one more")).Error);
        Assert.Null(SavedViews.Save(full, View("V3", category: "Commit")).Error);
    }

    [Fact]
    public void A_view_gives_the_deal_query_it_saved_with_its_team()
    {
        var view = new SavedView("mine", "w", "rep-1", "Topic", "BestCase", "acme", "value", true, At, Team: "team-1-1");
        var (query, error) = view.Query();
        Assert.Null(error);
        Assert.Equal(("rep-1", "team-1-1", "Topic", ForecastCategory.BestCase, "acme", "value", true, 1),
            (query!.Owner, query.Team, query.Step, query.Category, query.Search, query.Sort, query.Descending, query.Page));
    }
}
