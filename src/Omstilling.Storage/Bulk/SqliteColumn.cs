using System.Buffers;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SQLitePCL;

namespace Omstilling.Storage.Bulk;

/// <summary>
/// Binds one column of an entity to a parameter of a prepared SQLite statement, as
/// Microsoft.Data.Sqlite binds it for EF (the model's converter first, then integers as INTEGER,
/// text as TEXT, a Guid as upper-case text when EF's parameter says text), but read through a
/// typed getter: no value is boxed and no text is copied into a new string or array.
/// <see cref="For"/> picks the binder; a type it has none for is bound through EF's boxed getter.
/// </summary>
internal abstract class SqliteColumn<T>
    where T : class
{
    /// <summary>Text up to this many characters is bound from the stack.</summary>
    private const int StackChars = 256;

    /// <summary>Binds the row's value at <paramref name="index"/> and returns SQLite's result; null when the value is null (nothing bound).</summary>
    public abstract int? Bind(sqlite3_stmt statement, int index, T row);

    /// <summary>A binder for each of <paramref name="columns"/>, in their order; whether a Guid is text is asked of the provider's parameter on <paramref name="connection"/>.</summary>
    public static SqliteColumn<T>[] ForAll(SqliteConnection connection, BulkColumns columns)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(columns);
        using var probe = connection.CreateCommand();
        return [.. columns.Columns.Select(c => For(c, guidAsText: c.Mapping.CreateParameter(probe, "$probe", null, c.Nullable) is SqliteParameter { SqliteType: SqliteType.Text }))];
    }

    private static SqliteColumn<T> For(BulkColumn column, bool guidAsText)
    {
        ArgumentNullException.ThrowIfNull(column);
        if (column.Property?.GetMethod is not { } getter || getter.IsStatic)
        {
            return new Boxed(column, guidAsText);
        }

        var type = column.Property.PropertyType;
        var value = Nullable.GetUnderlyingType(type) ?? type;
        var converter = column.Mapping.Converter;
        if (converter is null && type == typeof(string))
        {
            return new Text(getter.CreateDelegate<Func<T, string?>>());
        }

        if (converter is null && value == typeof(Guid))
        {
            return type == value
                ? new GuidValue(getter.CreateDelegate<Func<T, Guid>>(), guidAsText)
                : new NullableGuid(getter.CreateDelegate<Func<T, Guid?>>(), guidAsText);
        }

        var toInteger = converter is null ? Integer(value) : ConvertedInteger(converter, value);
        if (toInteger is null)
        {
            return new Boxed(column, guidAsText);
        }

        var binder = (type == value ? typeof(IntegerValue<>) : typeof(NullableInteger<>)).MakeGenericType(typeof(T), value);
        var get = getter.CreateDelegate(typeof(Func<,>).MakeGenericType(typeof(T), type));
        return (SqliteColumn<T>)Activator.CreateInstance(binder, get, toInteger)!;
    }

    /// <summary>How a value of <paramref name="type"/> is stored as an INTEGER, or null when it is not one.</summary>
    private static Delegate? Integer(Type type)
    {
        if (type == typeof(long))
        {
            return (Func<long, long>)(static v => v);
        }

        if (type == typeof(int))
        {
            return (Func<int, long>)(static v => v);
        }

        if (type == typeof(short))
        {
            return (Func<short, long>)(static v => v);
        }

        if (type == typeof(byte))
        {
            return (Func<byte, long>)(static v => v);
        }

        return type == typeof(bool) ? (Func<bool, long>)(static v => v ? 1 : 0) : null;
    }

    /// <summary>The model's converter when it stores <paramref name="type"/> as a long (an instant on SQLite), or null.</summary>
    private static Delegate? ConvertedInteger(ValueConverter converter, Type type) =>
        converter.ModelClrType == type && converter.ProviderClrType == typeof(long)
            ? (Delegate?)converter.GetType().GetProperty(nameof(ValueConverter<int, long>.ConvertToProviderTyped))?.GetValue(converter)
            : null;

    private static int BindText(sqlite3_stmt statement, int index, ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return raw.sqlite3_bind_text(statement, index, string.Empty); // an empty span would bind NULL
        }

        if (text.Length <= StackChars)
        {
            Span<byte> utf8 = stackalloc byte[StackChars * 3];
            return raw.sqlite3_bind_text(statement, index, utf8[..Encoding.UTF8.GetBytes(text, utf8)]);
        }

        var rented = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            return raw.sqlite3_bind_text(statement, index, rented.AsSpan(0, Encoding.UTF8.GetBytes(text, rented)));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static int BindGuid(sqlite3_stmt statement, int index, Guid id, bool asText)
    {
        if (!asText)
        {
            Span<byte> bytes = stackalloc byte[16];
            id.TryWriteBytes(bytes);
            return raw.sqlite3_bind_blob(statement, index, bytes);
        }

        Span<byte> utf8 = stackalloc byte[36];
        id.TryFormat(utf8, out var written, "D");
        System.Text.Ascii.ToUpperInPlace(utf8[..written], out _);
        return raw.sqlite3_bind_text(statement, index, utf8[..written]);
    }

    private sealed class Text(Func<T, string?> get) : SqliteColumn<T>
    {
        public override int? Bind(sqlite3_stmt statement, int index, T row) =>
            get(row) is { } text ? BindText(statement, index, text) : null;
    }

    private sealed class GuidValue(Func<T, Guid> get, bool asText) : SqliteColumn<T>
    {
        public override int? Bind(sqlite3_stmt statement, int index, T row) => BindGuid(statement, index, get(row), asText);
    }

    private sealed class NullableGuid(Func<T, Guid?> get, bool asText) : SqliteColumn<T>
    {
        public override int? Bind(sqlite3_stmt statement, int index, T row) =>
            get(row) is { } id ? BindGuid(statement, index, id, asText) : null;
    }

    private sealed class IntegerValue<TValue>(Func<T, TValue> get, Func<TValue, long> toInteger) : SqliteColumn<T>
    {
        public override int? Bind(sqlite3_stmt statement, int index, T row) => raw.sqlite3_bind_int64(statement, index, toInteger(get(row)));
    }

    private sealed class NullableInteger<TValue>(Func<T, TValue?> get, Func<TValue, long> toInteger) : SqliteColumn<T>
        where TValue : struct
    {
        public override int? Bind(sqlite3_stmt statement, int index, T row) =>
            get(row) is { } value ? raw.sqlite3_bind_int64(statement, index, toInteger(value)) : null;
    }

    /// <summary>Any other column: EF's boxed getter and converter, bound by the value's type.</summary>
    private sealed class Boxed(BulkColumn column, bool guidAsText) : SqliteColumn<T>
    {
        public override int? Bind(sqlite3_stmt statement, int index, T row) => column.ProviderValue(row) switch
        {
            DBNull => null,
            string text => BindText(statement, index, text),
            long number => raw.sqlite3_bind_int64(statement, index, number),
            int number => raw.sqlite3_bind_int64(statement, index, number),
            short number => raw.sqlite3_bind_int64(statement, index, number),
            byte number => raw.sqlite3_bind_int64(statement, index, number),
            bool flag => raw.sqlite3_bind_int64(statement, index, flag ? 1 : 0),
            double real => raw.sqlite3_bind_double(statement, index, real),
            float real => raw.sqlite3_bind_double(statement, index, real),
            Guid id => BindGuid(statement, index, id, guidAsText),
            byte[] blob => raw.sqlite3_bind_blob(statement, index, blob),
            var value => throw new NotSupportedException($"No SQLite bulk binding for {value.GetType().Name} in {column.Name}; add it here."),
        };
    }
}
