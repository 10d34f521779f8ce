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
/// <see cref="TableName"/>, one row per key.
/// </summary>
public sealed class TableKeyRing(TableServiceClient tables) : IXmlRepository
{
    public const string TableName = "growthdataprotection";
    /// <summary>The application name every host shares (keys are isolated per application name).</summary>
    public const string ApplicationName = "Growth";
    const string Partition = "keys";

    TableClient Table()
    {
        var table = tables.GetTableClient(TableName);
        table.CreateIfNotExists();
        return table;
    }

    public IReadOnlyCollection<XElement> GetAllElements() =>
        Table().Query<TableEntity>(e => e.PartitionKey == Partition).Select(e => XElement.Parse(e.GetString("Xml"))).ToList();

    public void StoreElement(XElement element, string friendlyName) =>
        Table().UpsertEntity(new TableEntity(Partition, friendlyName) { ["Xml"] = element.ToString(SaveOptions.DisableFormatting) }, TableUpdateMode.Replace);

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
