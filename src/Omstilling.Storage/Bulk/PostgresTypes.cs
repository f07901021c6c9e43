using Microsoft.EntityFrameworkCore.Storage;
using NpgsqlTypes;

namespace Omstilling.Storage.Bulk;

/// <summary>
/// The PostgreSQL type a column's values are sent as in a binary COPY (which carries no types of
/// its own, so each value must be written in its column's exact wire format): read from the store
/// type the model maps the column to.
/// </summary>
internal static class PostgresTypes
{
    public static NpgsqlDbType Of(RelationalTypeMapping mapping)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        var store = mapping.StoreTypeNameBase;
        return store switch
        {
            "uuid" => NpgsqlDbType.Uuid,
            "text" => NpgsqlDbType.Text,
            "character varying" => NpgsqlDbType.Varchar,
            "integer" => NpgsqlDbType.Integer,
            "bigint" => NpgsqlDbType.Bigint,
            "smallint" => NpgsqlDbType.Smallint,
            "boolean" => NpgsqlDbType.Boolean,
            "timestamp with time zone" => NpgsqlDbType.TimestampTz,
            "double precision" => NpgsqlDbType.Double,
            _ => throw new NotSupportedException($"No bulk COPY for the PostgreSQL type '{mapping.StoreType}'; add it here."),
        };
    }
}
