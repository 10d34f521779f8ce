using System.Globalization;
using Growth.Dashboard.Application;
using Growth.Dashboard.Application.Import;
using Growth.Dashboard.Application.Ingestion;
using Growth.Dashboard.Components.Shared;
using Growth.Dashboard.Resources;
using Growth.Domain.Import;
using Growth.Domain.Journeys;
using Growth.Domain.Progress;
using Growth.Domain.Setup;
using Growth.Grains.Setup;
using Growth.Grains.Workspaces;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PageImport = Growth.Dashboard.Components.Pages.Import;

namespace Growth.Dashboard.Tests;

/// <summary>
/// The import page's upload path without a browser: a chosen file is streamed to disk (the browser's stream opened with
/// what is left of the limit, the files together) and imported as a stream; a file over a small limit is refused by its
/// size before a byte is read, with the page's message; a cancel before the commit point stores nothing, and one after it
/// is refused while the import runs to its end; the workspace's own campaigns survive a re-import.
/// </summary>
[Collection(DashboardCollection.Name)]
public class ImportUploadTests(DashboardHost host) : IDisposable
{
    readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("growth-upload-test-");

    public void Dispose() => folder.Delete(recursive: true);

    static string Samples => Growth.TestSupport.SharedDatasets.ImportSamples;

    /// <summary>A file the browser offers: its bytes, the size it claims, and every limit it was opened with.</summary>
    sealed class BrowserFile(string name, byte[] bytes, long? claimed = null) : IBrowserFile
    {
        public List<long> OpenedWith { get; } = [];
        public string Name => name;
        public DateTimeOffset LastModified => DateTimeOffset.UnixEpoch;
        public long Size => claimed ?? bytes.Length;
        public string ContentType => "text/csv";

        public Stream OpenReadStream(long maxAllowedSize = 512000, CancellationToken cancellationToken = default)
        {
            OpenedWith.Add(maxAllowedSize);
            // As Blazor's own: more than the limit is an IOException.
            if (bytes.Length > maxAllowedSize) throw new IOException($"Supplied file with size {bytes.Length} bytes exceeds the maximum of {maxAllowedSize} bytes.");
            return new MemoryStream(bytes, writable: false);
        }
    }

    static BrowserFile Sample(string file) => new(file, File.ReadAllBytes(Path.Combine(Samples, file)));

    static Words English() => new(new StringLocalizer<Ui>(new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance)));

    static T InEnglish<T>(Func<T> read)
    {
        var (culture, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        try { return read(); }
        finally { (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, ui); }
    }

    WorkspaceImport Imports(RunGate? gate = null) =>
        new(host.Grains, host.App.Services.GetRequiredService<EventDelivery>(), gate);

    [Fact]
    public async Task A_file_over_a_small_limit_is_refused_by_its_size_before_a_byte_is_read_with_the_page_s_message()
    {
        var limits = new ImportOptions { MaxUploadMegabytes = 1 };
        using var files = new UploadedFiles(limits, folder.FullName);
        var huge = new BrowserFile("deals.csv", [], claimed: 3L << 20);
        var problem = await files.AddAsync("pipeline", huge);
        Assert.Equal(new UploadProblem("deals.csv", 3L << 20, 0, null), problem);
        Assert.Empty(huge.OpenedWith);
        Assert.False(files.Has("pipeline"));
        Assert.Equal("deals.csv is 3.0 MiB, over the limit of 1 MiB (setting Import:MaxUploadMegabytes); it was not read and nothing was stored.",
            InEnglish(() => PageImport.UploadMessage(English(), problem!, limits)));

        // The limit is for the files together: 600 KiB chosen leaves 424 KiB, so a second file of 600 KiB is refused too.
        Assert.Null(await files.AddAsync("leads", new BrowserFile("leads.csv", new byte[600 << 10])));
        var second = await files.AddAsync("pipeline", new BrowserFile("deals.csv", new byte[600 << 10]));
        Assert.Equal("deals.csv is 0.6 MiB; with the files already chosen (0.6 MiB) that is over the limit of 1 MiB for the files together " +
            "(setting Import:MaxUploadMegabytes); it was not read and nothing was stored.", InEnglish(() => PageImport.UploadMessage(English(), second!, limits)));
        // A browser stream running past what it claimed stops at the limit: unreadable, nothing of it kept.
        var liar = new BrowserFile("liar.csv", new byte[500 << 10], claimed: 10);
        var unreadable = await files.AddAsync("pipeline", liar);
        Assert.Equal([(1L << 20) - (600 << 10)], liar.OpenedWith);
        Assert.StartsWith("liar.csv could not be read: Supplied file with size 512000 bytes exceeds", InEnglish(() => PageImport.UploadMessage(English(), unreadable!, limits)));
        Assert.True(files.Has("leads") && !files.Has("pipeline"));
        Assert.Single(folder.GetFiles());
    }

    [Fact]
    public async Task A_chosen_file_is_streamed_to_disk_and_imported_as_a_stream_then_removed()
    {
        const string ws = "import-upload-stream";
        var limits = new ImportOptions { MaxUploadMegabytes = 2 };
        var deals = Sample("closed_deals.csv");
        var leads = Sample("leads.csv");
        var files = new UploadedFiles(limits, folder.FullName);
        Assert.Null(await files.AddAsync("pipeline", deals));
        Assert.Null(await files.AddAsync("leads", leads));
        // Opened once each, with what was left of the 2 MiB for the files together.
        Assert.Equal([2L << 20], deals.OpenedWith);
        Assert.Equal([(2L << 20) - deals.Size], leads.OpenedWith);
        Assert.Equal(deals.Size + leads.Size, files.TotalBytes);

        var opened = new[] { "pipeline", "leads" }.ToDictionary(f => f, files.Open);
        // Read from disk as it goes: a stream reader over the file, not text or bytes held in memory.
        Assert.All(opened.Values, o => Assert.IsType<FileStream>(Assert.IsType<StreamReader>(o.Source.Reader).BaseStream));
        var summary = await Imports().ImportAsync(ws, opened.ToDictionary(o => o.Key, o => o.Value.Source), CrmPresets.LeadsAndDeals);
        foreach (var o in opened.Values) o.Stream.Dispose();
        Assert.Equal((6, 6, 12), (summary.RowsRead, summary.Imported, summary.LeadsRead));

        files.Dispose();
        Assert.Empty(folder.GetFiles());
    }

    /// <summary>Calls <paramref name="action"/> at the first report of <paramref name="phase"/> with something done (phase 1: its start).</summary>
    sealed class At(int phase, Action action) : IProgress<RunProgress>
    {
        bool done;
        public void Report(RunProgress value)
        {
            if (done || value.Phase != phase || (phase == 0 && value.Done == 0)) return;
            done = true;
            action();
        }
    }

    [Fact]
    public async Task A_cancel_while_reading_stores_nothing_and_one_after_the_commit_point_is_refused_while_the_import_finishes()
    {
        static Dictionary<string, CrmSource> Files() => new()
        {
            ["pipeline"] = CrmSource.FromText("closed_deals.csv", File.ReadAllText(Path.Combine(Samples, "closed_deals.csv"))),
            ["leads"] = CrmSource.FromText("leads.csv", File.ReadAllText(Path.Combine(Samples, "leads.csv"))),
        };

        const string cancelled = "import-cancel-reading";
        using (var run = new ImportRun())
        {
            var accepted = false;
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Imports().ImportAsync(cancelled, Files(), CrmPresets.LeadsAndDeals,
                new At(0, () => accepted = run.TryCancel()), run.Token, run: run));
            Assert.True(accepted);
            Assert.False(run.Committed);
        }
        Assert.Null(await host.Grains.GetGrain<IWorkspaceGrain>(cancelled).GetAsync());

        const string committed = "import-cancel-too-late";
        using (var run = new ImportRun())
        {
            bool? accepted = null;
            var summary = await Imports().ImportAsync(committed, Files(), CrmPresets.LeadsAndDeals,
                new At(1, () => accepted = run.TryCancel()), run.Token, run: run);
            Assert.False(accepted);
            Assert.True(run.Committed);
            Assert.False(run.IsCancellationRequested);
            Assert.Equal((6, 12), (summary.Imported, summary.JourneysChanged));
        }

        // The commit point and a cancel decide once: whichever comes first wins.
        using var late = new ImportRun();
        late.Commit();
        Assert.False(late.TryCancel());
        using var early = new ImportRun();
        Assert.True(early.TryCancel());
        Assert.Throws<OperationCanceledException>(early.Commit);
    }

    static Dictionary<string, CrmSource> LeadsAndDeals() => new()
    {
        ["pipeline"] = CrmSource.FromText("closed_deals.csv", File.ReadAllText(Path.Combine(Samples, "closed_deals.csv"))),
        ["leads"] = CrmSource.FromText("leads.csv", File.ReadAllText(Path.Combine(Samples, "leads.csv"))),
    };

    static SetupDocument OwnCampaigns(SetupDocument? document) => (document ?? new SetupDocument()) with
    {
        Channels = new() { Campaigns = [new() { Id = "search", Name = "Search", Channel = Channel.Ads }, new() { Id = "fair", Name = "Trade fair", Channel = Channel.Events }] },
    };

    [Fact]
    public async Task Origins_map_to_the_campaigns_of_a_workspace_set_up_before_its_first_import_and_a_re_import_changes_nothing()
    {
        const string ws = "import-own-campaigns";
        // Set up first (no simulation created): the workspace still takes an import, and its origins map to its campaigns.
        var setup = host.Grains.GetGrain<ISetupGrain>(ws);
        await setup.ApplyAsync(OwnCampaigns(null), "test", "own campaigns");
        Assert.Equal(["Search", "Trade fair"], (await Imports().OriginTargetsAsync(ws)).Campaigns.Select(c => c.Name));
        Assert.Null(await Imports().RefusalAsync(ws));

        var before = System.Text.Json.JsonSerializer.Serialize(await host.Grains.GetGrain<IWorkspaceGrain>(ws).GetOrganisationAsync());
        // The preset's mapping names Content, which this workspace does not run: refused, naming it and what it has; nothing stored.
        var refused = await Assert.ThrowsAsync<CrmImportException>(() => Imports().ImportAsync(ws, LeadsAndDeals(), CrmPresets.LeadsAndDeals));
        Assert.Equal("leads.csv: origin channel entry 'organic_search=Content': 'Content' is not a campaign or channel of the workspace; the workspace's " +
            "campaigns are Search (search, Ads), Trade fair (fair, Events); its channels are Ads, Events, Referral", refused.Message);
        Assert.Equal(before, System.Text.Json.JsonSerializer.Serialize(await host.Grains.GetGrain<IWorkspaceGrain>(ws).GetOrganisationAsync()));

        var mapping = CrmPresets.LeadsAndDeals with { OriginChannels = "paid_search=Search; organic_search=search; referral=Trade fair; email=Ads" };
        var first = await Imports().ImportAsync(ws, LeadsAndDeals(), mapping);
        Assert.Equal(6, first.Imported);
        var organisation = await host.Grains.GetGrain<IWorkspaceGrain>(ws).GetOrganisationAsync();
        Assert.Equal([("search", "Search", Channel.Ads), ("fair", "Trade fair", Channel.Events), ("origin-email", "email", Channel.Ads)],
            organisation!.Campaigns.Select(c => (c.Id, c.Name, c.Channel)));
        var again = await Imports().ImportAsync(ws, LeadsAndDeals(), mapping);
        Assert.Equal((0, 0), (again.EventsAccepted, again.JourneysChanged));
    }

    [Fact]
    public async Task An_import_with_a_price_list_keeps_the_workspace_s_own_campaigns_in_its_setup()
    {
        const string ws = "import-keeps-campaigns";
        var setup = host.Grains.GetGrain<ISetupGrain>(ws);
        await setup.ApplyAsync(OwnCampaigns(null), "test", "own campaigns");
        var files = new Dictionary<string, CrmSource>
        {
            ["pipeline"] = CrmSource.FromText("sales_pipeline.csv", "opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value\n" +
                "A1,Anna Snelling,GTX Pro,Acme,Won,3/1/2017,3/15/2017,4000\n"),
            ["teams"] = CrmSource.FromText("sales_teams.csv", "sales_agent,manager,regional_office\nAnna Snelling,Dustin Brinkmann,Central\n"),
            ["products"] = CrmSource.FromText("products.csv", "product,series,sales_price\nGTX Pro,GTX,4821\n"),
        };
        await Imports().ImportAsync(ws, files, CrmColumnMapping.Maven);
        var document = (await setup.GetAsync())!.Document;
        Assert.Equal(["Search", "Trade fair"], document.Channels.Campaigns.Select(c => c.Name));
        Assert.Equal([("GTX Pro", 4821m)], document.Catalogue.Products.Select(p => (p.Name, p.ListPrice)));
    }
}
