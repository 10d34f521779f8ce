namespace Growth.Dashboard.Tests;

/// <summary>The security matrix's table: every page, API route group and the hub, with the people allowed each.</summary>
public partial class SecurityMatrixTests
{
    static readonly Who[] Figures = [Who.Leadership, Who.Marketing, Who.SalesManager, Who.Rep, Who.Admin];
    static readonly Who[] Company = [Who.Leadership, Who.Marketing, Who.Admin];
    static readonly Who[] SalesSide = [Who.Leadership, Who.SalesManager, Who.Rep, Who.Admin];
    static readonly Who[] Leaders = [Who.Leadership, Who.Admin];
    static readonly Who[] Admins = [Who.Admin];
    static readonly Who[] Trainees = [Who.Leadership, Who.SalesManager, Who.Rep, Who.Trainee, Who.Admin];
    static readonly Who[] SignedIn = [.. Enum.GetValues<Who>().Where(w => w != Who.Anonymous)];
    static readonly object Small = new { seed = 1, regions = 1, teamsPerRegion = 1, repsPerTeam = 1, campaigns = 1, existingCustomers = 0 };

    /// <summary>The table: what each target allows. Everyone else is refused.</summary>
    public static readonly Target[] Table =
    [
        new("overview page", Kind.Page, HttpMethod.Get, $"/?workspace={Workspace}", null, Company),
        new("marketing page", Kind.Page, HttpMethod.Get, $"/marketing?workspace={Workspace}", null, Company),
        new("sales page", Kind.Page, HttpMethod.Get, $"/sales?workspace={Workspace}", null, SalesSide),
        new("insight page", Kind.Page, HttpMethod.Get, $"/insight?workspace={Workspace}", null, Leaders),
        new("customer page", Kind.Page, HttpMethod.Get, $"/customer?workspace={Workspace}", null, SalesSide),
        new("what-if page", Kind.Page, HttpMethod.Get, $"/whatif?workspace={Workspace}", null, Leaders),
        new("import page", Kind.Page, HttpMethod.Get, "/import", null, Admins),
        new("calibration page", Kind.Page, HttpMethod.Get, $"/calibration?workspace=nowhere-{Workspace}", null, Admins),
        new("training page", Kind.Page, HttpMethod.Get, $"/training?training={Workspace}", null, Trainees),
        new("training certificate page", Kind.Page, HttpMethod.Get, $"/training/certificate?training={Workspace}&assignment=a999&trainee=nobody", null, Trainees),
        new("training scenario editor page", Kind.Page, HttpMethod.Get, $"/training/scenarios?training={Workspace}", null, [Who.Leadership, Who.SalesManager, Who.Admin]),
        new("compensation page", Kind.Page, HttpMethod.Get, $"/compensation?workspace={Workspace}", null, SalesSide),
        new("setup page", Kind.Page, HttpMethod.Get, $"/setup?workspace={Workspace}", null, Leaders),
        new("forecast page", Kind.Page, HttpMethod.Get, $"/forecast?workspace={Workspace}", null, [Who.Leadership, Who.SalesManager, Who.Admin]),
        new("pipeline page", Kind.Page, HttpMethod.Get, $"/pipeline?workspace={Workspace}", null, [Who.Leadership, Who.SalesManager, Who.Admin]),
        new("records page", Kind.Page, HttpMethod.Get, $"/records?workspace={Workspace}", null, SalesSide),
        new("pool page", Kind.Page, HttpMethod.Get, $"/pool?workspace={Workspace}", null, SalesSide),
        new("grades page", Kind.Page, HttpMethod.Get, $"/grades?workspace={Workspace}", null, SalesSide),
        new("admin page", Kind.Page, HttpMethod.Get, "/admin", null, Admins),
        new("orleans dashboard", Kind.Page, HttpMethod.Get, "/orleans/", null, Admins),
        new("snapshot api", Kind.Api, HttpMethod.Get, $"/api/workspaces/{Workspace}/snapshot", null, Figures),
        new("history api", Kind.Api, HttpMethod.Get, $"/api/workspaces/{Workspace}/history", null, Company),
        new("simulation status api", Kind.Api, HttpMethod.Get, $"/api/workspaces/{Workspace}/simulation", null, Figures),
        // Simulation control on a workspace of its own, so no case changes the one the others read.
        new("simulation start api", Kind.Api, HttpMethod.Post, $"/api/workspaces/{Workspace}-control/simulation", Small, Admins),
        new("simulation pause api", Kind.Api, HttpMethod.Post, $"/api/workspaces/{Workspace}-control/simulation/pause", null, Admins),
        new("simulation resume api", Kind.Api, HttpMethod.Post, $"/api/workspaces/{Workspace}-control/simulation/resume", null, Admins),
        new("simulation reset api", Kind.Api, HttpMethod.Post, $"/api/workspaces/{Workspace}-control/simulation/reset", null, Admins),
        new("simulation speed api", Kind.Api, HttpMethod.Put, $"/api/workspaces/{Workspace}-control/simulation/speed", new { daysPerSecond = 1 }, Admins),
        new("import presets api", Kind.Api, HttpMethod.Get, $"/api/workspaces/{Workspace}-import/imports/presets", null, Admins),
        new("import preset save api", Kind.Api, HttpMethod.Put, $"/api/workspaces/{Workspace}-import/imports/presets/matrix", new { agent = "Owner" }, Admins),
        new("import preset delete api", Kind.Api, HttpMethod.Delete, $"/api/workspaces/{Workspace}-import/imports/presets/gone", null, Admins),
        new("calibration review api", Kind.Api, HttpMethod.Get, $"/api/workspaces/nowhere-{Workspace}/calibration", null, Admins),
        new("calibration api", Kind.Api, HttpMethod.Post, $"/api/workspaces/{Workspace}-calibrated/simulation/calibrated?from=nowhere-{Workspace}", null, Admins),
        new("projection api", Kind.Api, HttpMethod.Post, $"/api/workspaces/{Workspace}/projections", new { weeks = 2, paths = 100 }, Leaders),
        new("plan comparison api", Kind.Api, HttpMethod.Post, $"/api/workspaces/{Workspace}/projections/plans",
            new { weeks = 2, paths = 100, plans = new[] { new { name = "richer", tiers = new[] { new { from = 0, rate = 0.1 } } } } }, Leaders),
        new("scenario list api", Kind.Api, HttpMethod.Get, $"/api/workspaces/{Workspace}/scenarios", null, Leaders),
        new("scenario save api", Kind.Api, HttpMethod.Put, $"/api/workspaces/{Workspace}/scenarios/matrix", new { }, Leaders),
        new("journey api (a journey of rep-1-1-1)", Kind.Api, HttpMethod.Get, $"/api/workspaces/{Workspace}/journeys/{{journey}}", null, SalesSide),
        // Setup: every write is refused past the check (a wrong shape, an unknown version or template), so no case changes the workspace.
        new("setup api", Kind.Api, HttpMethod.Get, $"/api/workspaces/{Workspace}/setup", null, Leaders),
        new("setup part api", Kind.Api, HttpMethod.Get, $"/api/workspaces/{Workspace}/setup/catalogue", null, Leaders),
        new("setup versions api", Kind.Api, HttpMethod.Get, $"/api/workspaces/{Workspace}/setup/versions", null, Leaders),
        new("setup version api", Kind.Api, HttpMethod.Get, $"/api/workspaces/{Workspace}/setup/versions/1", null, Leaders),
        new("setup apply api", Kind.Api, HttpMethod.Put, $"/api/workspaces/{Workspace}/setup", new { company = 5 }, Leaders),
        new("setup part apply api", Kind.Api, HttpMethod.Put, $"/api/workspaces/{Workspace}/setup/catalogue", new { products = 5 }, Leaders),
        new("setup preview api", Kind.Api, HttpMethod.Post, $"/api/workspaces/{Workspace}/setup/preview", new { }, Leaders),
        new("setup rollback api", Kind.Api, HttpMethod.Post, $"/api/workspaces/{Workspace}/setup/versions/999/rollback", null, Leaders),
        new("workspace from template api", Kind.Api, HttpMethod.Post, $"/api/workspaces/{Workspace}/from-template/no-such-template", null, Leaders),
        new("compensation api", Kind.Api, HttpMethod.Get, $"/api/workspaces/{Workspace}/compensation", null, SalesSide),
        new("suggested targets api", Kind.Api, HttpMethod.Get, $"/api/workspaces/{Workspace}/targets/suggested", null, Leaders),
        // Refused past the check (an unknown basis), so no case changes the setup.
        new("adopt suggested targets api", Kind.Api, HttpMethod.Post, $"/api/workspaces/{Workspace}/targets/suggested/adopt?basis=none", null, Leaders),
        // Refused past the check (a probability above 1), so no case runs a dozen projections.
        new("goal seek api", Kind.Api, HttpMethod.Get, $"/api/workspaces/{Workspace}/goal-seek?probability=2", null, Leaders),
        new("quota allocation api", Kind.Api, HttpMethod.Get, $"/api/workspaces/{Workspace}/targets/allocation?paths=5", null, Leaders),
        new("forecast api", Kind.Api, HttpMethod.Get, $"/api/workspaces/{Workspace}/forecast", null, [Who.Leadership, Who.SalesManager, Who.Admin]),
        new("forecast monte carlo api", Kind.Api, HttpMethod.Get, $"/api/workspaces/{Workspace}/forecast/montecarlo?runs=100", null, [Who.Leadership, Who.SalesManager, Who.Admin]),
        new("pipeline api", Kind.Api, HttpMethod.Get, $"/api/workspaces/{Workspace}/pipeline?size=5", null, [Who.Leadership, Who.SalesManager, Who.Admin]),
        new("records api", Kind.Api, HttpMethod.Get, $"/api/workspaces/{Workspace}/records?kind=deals&size=5", null, SalesSide),
        new("records csv api", Kind.Api, HttpMethod.Get, $"/api/workspaces/{Workspace}/records.csv?kind=leads", null, SalesSide),
        new("pool api", Kind.Api, HttpMethod.Get, $"/api/workspaces/{Workspace}/pool", null, SalesSide),
        new("pool csv api", Kind.Api, HttpMethod.Get, $"/api/workspaces/{Workspace}/pool/leads.csv", null, SalesSide),
        new("grades api", Kind.Api, HttpMethod.Get, $"/api/workspaces/{Workspace}/grades", null, SalesSide),
        new("pipeline csv api", Kind.Api, HttpMethod.Get, $"/api/workspaces/{Workspace}/pipeline/deals.csv", null, [Who.Leadership, Who.SalesManager, Who.Admin]),
        new("pipeline views api", Kind.Api, HttpMethod.Get, $"/api/workspaces/{Workspace}/pipeline/views", null, [Who.Leadership, Who.SalesManager, Who.Admin]),
        // Refused past the check (a bad sort), so no case saves a view; deleting a view nobody has changes nothing.
        new("pipeline view save api", Kind.Api, HttpMethod.Put, $"/api/workspaces/{Workspace}/pipeline/views/mine", new { sort = "size" }, [Who.Leadership, Who.SalesManager, Who.Admin]),
        new("pipeline view delete api", Kind.Api, HttpMethod.Delete, $"/api/workspaces/{Workspace}/pipeline/views/no-such-view", null, [Who.Leadership, Who.SalesManager, Who.Admin]),
        // Accuracy is the company's: a manager (a part of it) is refused.
        new("forecast accuracy csv api", Kind.Api, HttpMethod.Get, $"/api/workspaces/{Workspace}/forecast/accuracy.csv", null, [Who.Leadership, Who.Admin]),
        new("forecast deals csv api", Kind.Api, HttpMethod.Get, $"/api/workspaces/{Workspace}/forecast/deals.csv", null, [Who.Leadership, Who.SalesManager, Who.Admin]),
        // Refused past the check (no such team), so no case changes the calls.
        new("forecast call api", Kind.Api, HttpMethod.Put, $"/api/workspaces/{Workspace}/forecast/calls/no-such-team", new { amount = 1 }, [Who.Leadership, Who.SalesManager, Who.Admin]),
        new("twin api", Kind.Api, HttpMethod.Get, $"/api/workspaces/{Workspace}/twin", null, Leaders),
        // Refused past the check (too few paths), so no case starts a twin.
        new("twin start api", Kind.Api, HttpMethod.Post, $"/api/workspaces/{Workspace}/twin", new { paths = 1 }, Leaders),
        // Training: refused past the check (no such scenario, no such session), so no case starts a session; reading a line changes nothing.
        new("training start api", Kind.Api, HttpMethod.Post, $"/api/workspaces/{Workspace}/training/sessions", new { scenarioId = "no-such-scenario" }, Trainees),
        new("training session api", Kind.Api, HttpMethod.Get, $"/api/workspaces/{Workspace}/training/sessions/no-such-session", null, Trainees),
        new("training choice api", Kind.Api, HttpMethod.Post, $"/api/workspaces/{Workspace}/training/sessions/no-such-session/choices", new { choiceId = "x" }, Trainees),
        new("training line api", Kind.Api, HttpMethod.Post, $"/api/workspaces/{Workspace}/training/sessions/no-such-session/lines", new { line = "Hello" }, Trainees),
        new("training reading api", Kind.Api, HttpMethod.Post, $"/api/workspaces/{Workspace}/training/readings", new { line = "How many vans do you run?" }, Trainees),
        // Coaching and lost deals read the workspace's deals: the customer area as well as training (a trainee has no deals).
        new("training coaching api", Kind.Api, HttpMethod.Get, $"/api/workspaces/{Workspace}/training/coaching?from={Workspace}&rep=rep-1-1-1", null, SalesSide),
        new("training lost deal api", Kind.Api, HttpMethod.Post, $"/api/workspaces/{Workspace}/training/lost-deals", new { workspace = Workspace, journeyId = "no-such-journey" }, SalesSide),
        // Assigning is for those who manage (refused past the check: no such scenario); the board and certificates for every trainee.
        new("training assign api", Kind.Api, HttpMethod.Post, $"/api/workspaces/{Workspace}/training/assignments", new { scenarioId = "no-such-scenario" }, [Who.Leadership, Who.SalesManager, Who.Admin]),
        new("training assignments api", Kind.Api, HttpMethod.Get, $"/api/workspaces/{Workspace}/training/assignments", null, Trainees),
        new("training certificate api", Kind.Api, HttpMethod.Get, $"/api/workspaces/{Workspace}/training/assignments/a999/certificates/nobody", null, Trainees),
        // Writing scenarios is for those who manage: every write is refused past the check (a bad file, no such scenario), so no case stores one.
        new("training scenarios api", Kind.Api, HttpMethod.Get, $"/api/workspaces/{Workspace}/training/scenarios", null, [Who.Leadership, Who.SalesManager, Who.Admin]),
        new("training scenario check api", Kind.Api, HttpMethod.Post, $"/api/workspaces/{Workspace}/training/scenarios/checks", new { id = "Bad Id" }, [Who.Leadership, Who.SalesManager, Who.Admin]),
        new("training scenario save api", Kind.Api, HttpMethod.Post, $"/api/workspaces/{Workspace}/training/scenarios", new { id = "Bad Id" }, [Who.Leadership, Who.SalesManager, Who.Admin]),
        new("training scenario preview api", Kind.Api, HttpMethod.Post, $"/api/workspaces/{Workspace}/training/scenarios/previews", new { id = "Bad Id" }, [Who.Leadership, Who.SalesManager, Who.Admin]),
        new("training scenario export api", Kind.Api, HttpMethod.Get, $"/api/workspaces/{Workspace}/training/scenarios/no-such-scenario", null, [Who.Leadership, Who.SalesManager, Who.Admin]),
        new("training scenario versions api", Kind.Api, HttpMethod.Get, $"/api/workspaces/{Workspace}/training/scenarios/no-such-scenario/versions", null, [Who.Leadership, Who.SalesManager, Who.Admin]),
        new("training scenario restore api", Kind.Api, HttpMethod.Post, $"/api/workspaces/{Workspace}/training/scenarios/no-such-scenario/versions/1/restore", null, [Who.Leadership, Who.SalesManager, Who.Admin]),
        // Templates are not about one workspace: a leader of any workspace may list them.
        new("templates api", Kind.Api, HttpMethod.Get, "/api/templates", null, [Who.Leadership, Who.Admin, Who.OtherWorkspace]),
        new("admin users api", Kind.Api, HttpMethod.Get, "/api/admin/users", null, Admins),
        new("admin keys api", Kind.Api, HttpMethod.Get, "/api/admin/keys", null, Admins),
        new("admin grants api", Kind.Api, HttpMethod.Put, "/api/admin/users/nobody-here/grants", Array.Empty<string>(), Admins),
        new("admin password api", Kind.Api, HttpMethod.Put, "/api/admin/users/nobody-here/password", new { password = "a-long-enough-password" }, Admins),
        new("admin user delete api", Kind.Api, HttpMethod.Delete, "/api/admin/users/nobody-here", null, Admins),
        new("admin key revoke api", Kind.Api, HttpMethod.Delete, "/api/admin/keys/000000000000", null, Admins),
        new("ledger admin api", Kind.Api, HttpMethod.Get, $"/api/admin/workspaces/{Workspace}/ledger", null, Admins),
        new("ledger rebuild admin api", Kind.Api, HttpMethod.Post, $"/api/admin/workspaces/{Workspace}-control/ledger/rebuild", null, Admins),
        new("backup admin api", Kind.Api, HttpMethod.Get, $"/api/admin/workspaces/{Workspace}/backup", null, Admins),
        new("restore admin api", Kind.Api, HttpMethod.Post, $"/api/admin/workspaces/{Workspace}-restored/restore", null, Admins),
        new("customer export admin api", Kind.Api, HttpMethod.Get, $"/api/admin/workspaces/{Workspace}/customers/{{journey}}/export", null, Admins),
        // Refused past the check (no such journey), so no case erases a customer the others read.
        new("customer erase admin api", Kind.Api, HttpMethod.Post, $"/api/admin/workspaces/{Workspace}/customers/no-such-journey/erase", null, Admins),
        // Writes need the workspace's ingestion key: no signed-in role is enough.
        new("ingestion api without a key", Kind.Api, HttpMethod.Post, $"/api/workspaces/{Workspace}/events", Array.Empty<object>(), []),
        new("import api without a key", Kind.Api, HttpMethod.Post, $"/api/workspaces/{Workspace}-import/imports", null, []),
        new("journey events api without a key", Kind.Api, HttpMethod.Post, $"/api/workspaces/{Workspace}/journeys/x-1/events", Array.Empty<object>(), []),
        // The API document and its reference page: any signed-in user (each route it describes keeps its own rule).
        new("api document", Kind.Api, HttpMethod.Get, "/openapi/v1.json", null, SignedIn),
        new("api reference page", Kind.Page, HttpMethod.Get, "/scalar/v1", null, SignedIn),
        new("hub subscribe", Kind.Hub, HttpMethod.Get, Workspace, null, Figures),
    ];
}
