using System.Xml.Linq;
using Azure;
using Azure.Data.Tables;
using Growth.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Growth.Dashboard.Hosting;

/// <summary>
/// The Data Protection key ring (what signs the session cookie and antiforgery tokens) kept in the Azure Table the
/// app already uses, so every web host of a deployment (the two dashboard replicas in k8s/) accepts the others'
/// cookies and a restart signs no one out. Without table storage the ring stays per process (ASP.NET's default).
/// Keys are stored unencrypted at rest, like the table's other data: protect the storage account. Table
/// <see cref="TableName"/>, one row per key, with <c>SchemaVersion</c> (<see cref="SchemaVersion"/>; rows from before
/// the column read as version 1, the same shape; a newer row is refused, naming it).
/// </summary>
public sealed class TableKeyRing(TableServiceClient tables) : IXmlRepository
{
    public const string TableName = "growthdataprotection";
    /// <summary>The application name every host shares (keys are isolated per application name).</summary>
    public const string ApplicationName = "Growth";
    const string Partition = "keys";
    /// <summary>The row shape this build writes: the key's XML in column <c>Xml</c>.</summary>
    public const int SchemaVersion = 1;

    TableClient Table()
    {
        var table = tables.GetTableClient(TableName);
        table.CreateIfNotExists();
        return table;
    }

    public IReadOnlyCollection<XElement> GetAllElements() =>
        Table().Query<TableEntity>(e => e.PartitionKey == Partition).Select(e => XElement.Parse(Readable(e).GetString("Xml"))).ToList();

    public void StoreElement(XElement element, string friendlyName) =>
        Table().UpsertEntity(new TableEntity(Partition, friendlyName) { ["Xml"] = element.ToString(SaveOptions.DisableFormatting), ["SchemaVersion"] = SchemaVersion }, TableUpdateMode.Replace);

    static TableEntity Readable(TableEntity e) => (e.GetInt32("SchemaVersion") ?? 1) is var version && version <= SchemaVersion ? e
        : throw new InvalidDataException($"key ring row {TableName}/{e.PartitionKey}/{e.RowKey} is schema version {version}, written by a newer Growth build; " +
            $"this build reads up to version {SchemaVersion}. Nothing was changed: run that release (or a later one).");

    /// <summary>One application name for every host; the key ring in table storage when the host stores in Azure Table.</summary>
    public static IServiceCollection AddGrowthDataProtection(IServiceCollection services, IConfiguration configuration)
    {
        var protection = services.AddDataProtection().SetApplicationName(ApplicationName);
        var options = GrowthHostingOptions.From(configuration);
        if (options.Storage == StorageKind.AzureTable)
            protection.AddKeyManagementOptions(o => o.XmlRepository = new TableKeyRing(new TableServiceClient(options.StorageConnectionString)));
        return services;
    }
}
