using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Omstilling.Storage.Bulk;

/// <summary>
/// The table and columns of one entity type as the EF model maps them (the entity configuration
/// stays the one place that says so): each column's name, its type mapping (the provider's
/// parameter types and value converter) and how to read the value from an entity. Keys the
/// database generates are left out. Immutable once read.
/// </summary>
internal sealed class BulkColumns
{
    private BulkColumns(string table, IReadOnlyList<BulkColumn> columns)
    {
        Table = table;
        Columns = columns;
    }

    public string Table { get; }

    public IReadOnlyList<BulkColumn> Columns { get; }

    public static BulkColumns Of<T>(DbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the database's model.");
        var table = entity.GetTableName() ?? throw new InvalidOperationException($"{typeof(T).Name} has no table.");
        var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
        var columns = entity.GetProperties()
            .Where(p => !(p.IsPrimaryKey() && p.ValueGenerated == ValueGenerated.OnAdd))
            .Select(p => new BulkColumn(
                p.GetColumnName(store) ?? throw new InvalidOperationException($"{typeof(T).Name}.{p.Name} has no column."),
                p.GetRelationalTypeMapping(),
                p.GetGetter(),
                p.IsNullable,
                p.PropertyInfo))
            .ToList();
        return new BulkColumns(table, columns);
    }
}

/// <summary>
/// One column: its name, the provider's mapping of its type, and the entity's value for it (boxed
/// through EF's getter, or typed through the entity's <see cref="Property"/> where it has one).
/// </summary>
internal sealed record BulkColumn(string Name, RelationalTypeMapping Mapping, IClrPropertyGetter Getter, bool Nullable, System.Reflection.PropertyInfo? Property)
{
    /// <summary>The entity's value as the database stores it (converted by the model's converter, if any), or DBNull.</summary>
    public object ProviderValue(object entity)
    {
        var value = Getter.GetClrValueUsingContainingEntity(entity);
        if (value is null)
        {
            return DBNull.Value;
        }

        return Mapping.Converter is { } converter ? converter.ConvertToProvider(value) ?? DBNull.Value : value;
    }
}
