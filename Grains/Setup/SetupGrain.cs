using System.Text.Json;
using Growth.Domain.Setup;
using Growth.Domain.Workspaces;
using Growth.Grains.Errors;
using Growth.Grains.Figures;
using Growth.Grains.Runtime;
using Growth.Grains.Simulation;
using Growth.Grains.Workspaces;
using Microsoft.Extensions.DependencyInjection;

namespace Growth.Grains.Setup;

/// <summary>The setup grain's own state: the current document and every version's information (documents live in version grains).</summary>
[GenerateSerializer]
public sealed class SetupRecord
{
    [Id(0)] public int Version { get; set; }
    [Id(1)] public SetupDocument? Document { get; set; }
    [Id(2)] public DateTimeOffset At { get; set; }
    [Id(3)] public string By { get; set; } = "";
    /// <summary>Oldest first.</summary>
    [Id(4)] public List<SetupVersionInfo> Versions { get; set; } = [];
}

/// <summary>
/// Versions a workspace's setup and makes each new version effective: a running simulation takes it up at its next
/// step; a workspace without a simulation gets the compiled organisation at once.
/// </summary>
public sealed class SetupGrain(
    [PersistentState("setup", GrainStorage.Name)] IPersistentState<SetupRecord> record,
    [FromKeyedServices(DomainClock.Key)] TimeProvider time) : Grain, ISetupGrain
{
    string Workspace => this.GetPrimaryKeyString();
    SetupRecord S => record.State;

    public Task<CurrentSetup?> GetAsync() =>
        Task.FromResult(S.Document is { } doc ? new CurrentSetup(S.Version, doc, S.At, S.By) : null);

    public async Task<SetupDocument?> GetVersionAsync(int number)
    {
        if (number < 1 || number > S.Version) return null;
        if (number == S.Version) return S.Document;
        return await Version(number).GetAsync();
    }

    public Task<IReadOnlyList<SetupVersionInfo>> GetHistoryAsync() =>
        Task.FromResult<IReadOnlyList<SetupVersionInfo>>(Enumerable.Reverse(S.Versions).ToList());

    public async Task<SetupVersionInfo> ApplyAsync(SetupDocument document, string by, string note, int? expectedVersion = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (!Keys.IsValidWorkspace(Workspace)) throw new DomainException(Names.InvalidWorkspace(Workspace));
        try { SetupValidator.Require(document); }
        catch (InvalidSetupException invalid) { throw DomainException.Invalid(invalid); }
        if (expectedVersion is { } expected && expected != S.Version)
            throw new DomainException($"the setup is at version {S.Version}, not {expected}: someone else changed it; reload and apply again", DomainErrorKind.Conflict);
        if (S.Document is { } current && Same(current, document)) return S.Versions[^1];

        var number = S.Version + 1;
        var now = time.GetUtcNow();
        var info = new SetupVersionInfo(number, now, string.IsNullOrWhiteSpace(by) ? "unknown" : by, note ?? "",
            SetupDiff.Compare(S.Document ?? new SetupDocument(), document), null);
        // Nothing half-changed: the version's document first (a number never made current may be written again),
        // then this grain's state, then the workspace and its simulation hear of it.
        await Version(number).WriteAsync(document);
        S.Version = number;
        S.Document = document;
        S.At = now;
        S.By = info.By;
        S.Versions.Add(info);
        await record.WriteStateAsync();
        await MakeEffectiveAsync(number, document);
        return info;
    }

    public async Task<SetupVersionInfo> RollbackAsync(int number, string by)
    {
        var document = await GetVersionAsync(number)
            ?? throw new DomainException($"workspace {Workspace} has no setup version {number}", DomainErrorKind.NotFound);
        return await ApplyAsync(document, by, $"rolled back to version {number}");
    }

    public async Task MarkEffectiveAsync(int number, DateTimeOffset simulatedAt)
    {
        var index = S.Versions.FindIndex(v => v.Number == number);
        if (index < 0 || S.Versions[index].EffectiveAt is not null) return;
        S.Versions[index] = S.Versions[index] with { EffectiveAt = simulatedAt };
        await record.WriteStateAsync();
    }

    /// <summary>
    /// A created simulation takes the setup up at its next step (and defines the workspace's organisation then);
    /// any other workspace gets the compiled organisation now. An empty organisation keeps the workspace's own.
    /// </summary>
    async Task MakeEffectiveAsync(int number, SetupDocument document)
    {
        if (await GrainFactory.GetGrain<ISimulationGrain>(Workspace).ApplySetupAsync(number, document)) return;
        var workspace = GrainFactory.GetGrain<IWorkspaceGrain>(Workspace);
        var info = await workspace.GetAsync();
        var organisation = SetupCompiler.Organisation(document, time.GetUtcNow());
        if (organisation.Regions.Count > 0) await workspace.DefineAsync(info?.Kind ?? WorkspaceKind.Simulation, organisation);
        else if (info is null) await workspace.EnsureAsync(WorkspaceKind.Simulation);
        await GrainFactory.GetGrain<IWorkspaceStatisticsGrain>(Workspace).SetSetupAsync(SetupCompiler.Money(document), document.Company.FiscalYearStartMonth, timeZone: document.Company.TimeZone);
    }

    static bool Same(SetupDocument a, SetupDocument b) => JsonSerializer.Serialize(a) == JsonSerializer.Serialize(b);

    ISetupVersionGrain Version(int number) => GrainFactory.GetGrain<ISetupVersionGrain>(Keys.Of(Workspace, number.ToString(System.Globalization.CultureInfo.InvariantCulture)));
}
