using System.Collections;
using System.Text;

namespace Omstilling.Sip.Messages;

/// <summary>
/// An immutable, ordered list of parameters with case-insensitive lookup by name.
/// Equality compares names case-insensitively and values ordinally, in order.
/// Thread-safe: instances never change.
/// </summary>
public sealed class ParameterList : IReadOnlyList<SipParameter>, IEquatable<ParameterList>
{
    private readonly SipParameter[] _items;

    public static ParameterList Empty { get; } = new([]);

    private ParameterList(SipParameter[] items) => _items = items;

    public static ParameterList Of(params ReadOnlySpan<SipParameter> items) =>
        items.IsEmpty ? Empty : new ParameterList(items.ToArray());

    internal static ParameterList FromList(List<SipParameter>? items) =>
        items is null || items.Count == 0 ? Empty : new ParameterList([.. items]);

    public int Count => _items.Length;

    public SipParameter this[int index] => _items[index];

    /// <summary>True when a parameter of that name is present, with or without a value.</summary>
    public bool Contains(string name) => IndexOf(name) >= 0;

    /// <summary>The value of the first parameter of that name; null when absent or a flag.</summary>
    public string? Get(string name)
    {
        var i = IndexOf(name);
        return i < 0 ? null : _items[i].Value;
    }

    /// <summary>A copy with the parameter set (replacing the first of that name, or appended).</summary>
    public ParameterList With(string name, string? value)
    {
        var i = IndexOf(name);
        if (i >= 0)
        {
            var copy = (SipParameter[])_items.Clone();
            copy[i] = new SipParameter(copy[i].Name, value);
            return new ParameterList(copy);
        }

        var items = new SipParameter[_items.Length + 1];
        _items.CopyTo(items, 0);
        items[^1] = new SipParameter(name, value);
        return new ParameterList(items);
    }

    /// <summary>A copy without any parameter of that name.</summary>
    public ParameterList Without(string name) =>
        IndexOf(name) < 0 ? this : FromList(_items.Where(p => !NameEquals(p.Name, name)).ToList());

    /// <summary>Appends ";name=value" for each parameter.</summary>
    public void AppendTo(StringBuilder builder)
    {
        foreach (var p in _items)
        {
            builder.Append(';').Append(p.Name);
            if (p.Value is not null)
            {
                builder.Append('=').Append(p.Value);
            }
        }
    }

    public override string ToString()
    {
        var sb = new StringBuilder();
        AppendTo(sb);
        return sb.ToString();
    }

    public bool Equals(ParameterList? other)
    {
        if (other is null || other._items.Length != _items.Length)
        {
            return false;
        }

        for (var i = 0; i < _items.Length; i++)
        {
            if (!NameEquals(_items[i].Name, other._items[i].Name) ||
                !string.Equals(_items[i].Value, other._items[i].Value, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as ParameterList);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var p in _items)
        {
            hash.Add(p.Name, StringComparer.OrdinalIgnoreCase);
            hash.Add(p.Value, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    public IEnumerator<SipParameter> GetEnumerator() => ((IEnumerable<SipParameter>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int IndexOf(string name)
    {
        for (var i = 0; i < _items.Length; i++)
        {
            if (NameEquals(_items[i].Name, name))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool NameEquals(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
