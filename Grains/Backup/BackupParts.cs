using Growth.Grains.Figures;
using Growth.Grains.Forecast;
using Growth.Grains.Import;
using Growth.Grains.Journeys;
using Growth.Grains.Organisations;
using Growth.Grains.Projection;
using Growth.Grains.Setup;
using Growth.Grains.Simulation;
using Growth.Grains.Training;
using Growth.Grains.Workspaces;
using Orleans.Serialization;
using Orleans.Storage;

namespace Growth.Grains.Backup;

/// <summary>
/// One kind of stored grain state a workspace backup carries: its name in the file, the storage state name, the
/// grain it belongs to and the record type. Keys in a backup are relative to the workspace ("" for grains keyed by
/// the workspace itself, the id after "{workspace}/" otherwise), so a backup moves to another name.
/// </summary>
public abstract class BackupPart(string name, string stateName, bool byWorkspace)
{
    /// <summary>The part's name in the file (also the storage state name, which never changes for a grain).</summary>
    public string Name { get; } = name;
    public string StateName { get; } = stateName;
    /// <summary>Keyed by the workspace itself (one record per workspace) rather than "{workspace}/{id}".</summary>
    public bool ByWorkspace { get; } = byWorkspace;

    /// <summary>The grain key of the record with relative key <paramref name="id"/> in <paramref name="workspace"/>.</summary>
    public string GrainKey(string workspace, string id) => ByWorkspace ? workspace : Keys.Of(workspace, id);

    public abstract GrainId GrainIdOf(IGrainFactory grains, string grainKey);
    public abstract Type RecordType { get; }
    /// <summary>Reads the bytes back as the record (throws if they are not one): the check a restore makes before writing anything.</summary>
    public abstract object Decode(Serializer serializer, byte[] data);

    /// <summary>The stored record of the grain, serialized; null if it has none.</summary>
    public abstract Task<byte[]?> ReadAsync(IGrainStorage storage, Serializer serializer, GrainId grain);
    /// <summary>Stores the record for the grain (over whatever it had).</summary>
    public abstract Task WriteAsync(IGrainStorage storage, Serializer serializer, GrainId grain, byte[] data);
    public abstract Task ClearAsync(IGrainStorage storage, GrainId grain);
}

/// <summary>A part whose stored records are <typeparamref name="TRecord"/>: read, written and cleared as they are.</summary>
public abstract class RecordPart<TRecord>(string stateName, bool byWorkspace) : BackupPart(stateName, stateName, byWorkspace)
    where TRecord : class, new()
{
    public override Type RecordType => typeof(TRecord);
    public override object Decode(Serializer serializer, byte[] data) =>
        serializer.Deserialize<TRecord>(data) ?? throw new InvalidDataException($"an empty {Name} record");

    public override async Task<byte[]?> ReadAsync(IGrainStorage storage, Serializer serializer, GrainId grain)
    {
        var state = new GrainState<TRecord>(new TRecord());
        await storage.ReadStateAsync(StateName, grain, state);
        return state.RecordExists ? serializer.SerializeToArray(state.State) : null;
    }

    public override async Task WriteAsync(IGrainStorage storage, Serializer serializer, GrainId grain, byte[] data)
    {
        // Read first: the write must carry the stored version tag if a record is there.
        var state = new GrainState<TRecord>(new TRecord());
        await storage.ReadStateAsync(StateName, grain, state);
        state.State = serializer.Deserialize<TRecord>(data);
        await storage.WriteStateAsync(StateName, grain, state);
    }

    public override async Task ClearAsync(IGrainStorage storage, GrainId grain)
    {
        var state = new GrainState<TRecord>(new TRecord());
        await storage.ReadStateAsync(StateName, grain, state);
        if (state.RecordExists) await storage.ClearStateAsync(StateName, grain, state);
    }
}

/// <summary>A part whose records belong to grains of interface <typeparamref name="TGrain"/> and are <typeparamref name="TRecord"/>.</summary>
public sealed class BackupPart<TGrain, TRecord>(string stateName, bool byWorkspace) : RecordPart<TRecord>(stateName, byWorkspace)
    where TGrain : IGrainWithStringKey where TRecord : class, new()
{
    public override GrainId GrainIdOf(IGrainFactory grains, string grainKey) => grains.GetGrain<TGrain>(grainKey).GetGrainId();
}

/// <summary>
/// The pages of a shard's journey list (<see cref="ShardPages"/>): stored records of no grain, keyed
/// "shard-{i}/{page}" relative to the workspace. A backup reads a shard's journeys through the shard, so no backup file
/// carries this part; a restore writes it, so a restored shard of any size is stored in pages as a shard keeps them.
/// </summary>
public sealed class ShardPagePart() : RecordPart<ShardPageRecord>(ShardPages.StateName, false)
{
    public override GrainId GrainIdOf(IGrainFactory grains, string grainKey) => ShardPages.PageId(grainKey);
}

/// <summary>
/// The pages of a shard's archive (<see cref="ShardArchive"/>): stored records of no grain, keyed "shard-{i}/{page}"
/// relative to the workspace. Like <see cref="ShardPagePart"/>, written by a restore only (a backup carries the archive
/// whole, <see cref="BackupParts.ShardArchive"/>).
/// </summary>
public sealed class ShardArchivePagePart() : RecordPart<ShardArchivePageRecord>(Journeys.ShardArchive.StateName, false)
{
    public override GrainId GrainIdOf(IGrainFactory grains, string grainKey) => Journeys.ShardArchive.PageId(grainKey);
}

/// <summary>
/// A shard's whole archive in a backup (<see cref="ShardArchiveBackup"/>, id "shard-{i}"): read through the shard,
/// written by a restore as the shard record's archive fields and <see cref="ShardArchivePagePart"/> pages; never a
/// stored record itself.
/// </summary>
public sealed class ShardArchiveBackupPart() : RecordPart<ShardArchiveBackup>("shardArchive", false)
{
    public override GrainId GrainIdOf(IGrainFactory grains, string grainKey) => grains.GetGrain<IJourneyShardGrain>(grainKey).GetGrainId();
}

/// <summary>Every part a workspace backup carries, by name; the order is the order a backup is written and restored in.</summary>
public static class BackupParts
{
    public static readonly BackupPart Workspace = new BackupPart<IWorkspaceGrain, WorkspaceRecord>("workspace", true);
    public static readonly BackupPart Simulation = new BackupPart<ISimulationGrain, SimulationRecord>("simulation", true);
    public static readonly BackupPart Setup = new BackupPart<ISetupGrain, SetupRecord>("setup", true);
    public static readonly BackupPart SetupVersion = new BackupPart<ISetupVersionGrain, SetupVersionRecord>("setupVersion", false);
    public static readonly BackupPart Statistics = new BackupPart<IWorkspaceStatisticsGrain, StatisticsRecord>("statistics", true);
    public static readonly BackupPart ForecastCalls = new BackupPart<IForecastCallsGrain, ForecastCallsRecord>("forecast-calls", true);
    public static readonly BackupPart ForecastHistory = new BackupPart<IForecastHistoryGrain, ForecastHistoryRecord>("forecast-history", true);
    public static readonly BackupPart MappingPresets = new BackupPart<IMappingPresetGrain, MappingPresetRecord>("mappingPresets", true);
    public static readonly BackupPart Scenarios = new BackupPart<IScenarioGrain, ScenarioRecord>("scenarios", true);
    public static readonly BackupPart TrainingAssignments = new BackupPart<ITrainingAssignmentsGrain, TrainingAssignmentsRecord>("training-assignments", true);
    public static readonly BackupPart Region = new BackupPart<IRegionGrain, RegionRecord>("region", false);
    public static readonly BackupPart Team = new BackupPart<ITeamGrain, TeamRecord>("team", false);
    public static readonly BackupPart Rep = new BackupPart<IRepGrain, RepRecord>("rep", false);
    public static readonly BackupPart Campaign = new BackupPart<ICampaignGrain, CampaignRecord>("campaign", false);
    public static readonly BackupPart Shard = new BackupPart<IJourneyShardGrain, ShardRecord>("shard", false);
    public static readonly BackupPart Journey = new BackupPart<IJourneyGrain, JourneyRecord>("journey", false);

    /// <summary>Parts read from (and written to) storage as they are: their grains write every change at once.</summary>
    public static readonly IReadOnlyList<BackupPart> Stored =
        [Simulation, Setup, SetupVersion, ForecastCalls, ForecastHistory, MappingPresets, Scenarios, TrainingAssignments, Region, Team, Rep, Campaign];

    /// <summary>A shard's archive (<see cref="ShardArchiveBackupPart"/>); files written before 3 Dec 2026 have none.</summary>
    public static readonly BackupPart ShardArchive = new ShardArchiveBackupPart();

    public static readonly IReadOnlyList<BackupPart> All = [Workspace, .. Stored, Statistics, Shard, Journey, ShardArchive];

    /// <summary>Written by a restore only (<see cref="ShardPagePart"/>).</summary>
    public static readonly BackupPart ShardPage = new ShardPagePart();

    /// <summary>Written by a restore only (<see cref="ShardArchivePagePart"/>).</summary>
    public static readonly BackupPart ShardArchivePage = new ShardArchivePagePart();

    /// <summary>A part a backup file may carry.</summary>
    public static BackupPart? Named(string name) => All.FirstOrDefault(p => p.Name == name);

    /// <summary>A part the backup store reads and writes: those of <see cref="All"/>, <see cref="ShardPage"/> and <see cref="ShardArchivePage"/>.</summary>
    public static BackupPart? Writable(string name) =>
        name == ShardPage.Name ? ShardPage : name == ShardArchivePage.Name ? ShardArchivePage : Named(name);
}
