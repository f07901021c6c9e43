namespace Omstilling.Sip.Messages;

/// <summary>
/// The ordered header fields of a message. Order matters for Via, Route and Record-Route
/// (RFC 3261 §7.3.1) and is preserved. Lookups compare names with <see cref="HeaderName"/>
/// semantics (case-insensitive, compact forms already resolved by the parser).
/// Not thread-safe: a message has one owner at a time, and must not be changed after it is
/// handed to a transport or transaction.
/// </summary>
public sealed class SipHeaders
{
    private SipHeader[] _items;
    private int _count;

    public SipHeaders(int capacity = 12) => _items = new SipHeader[Math.Max(capacity, 1)];

    private SipHeaders(SipHeader[] items)
    {
        _items = items.Length > 0 ? items : new SipHeader[4];
        _count = items.Length;
    }

    /// <summary>Takes ownership of a full array (the parser sizes it exactly).</summary>
    internal static SipHeaders Wrap(SipHeader[] items) => new(items);

    /// <summary>Incremented on every change, so typed views cached by a message notice edits.</summary>
    internal int Version { get; private set; }

    public int Count => _count;

    public SipHeader this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)_count, nameof(index));
            return _items[index];
        }
    }

    public ReadOnlySpan<SipHeader> AsSpan() => _items.AsSpan(0, _count);

    public void Add(SipHeader header)
    {
        if (_count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        _items[_count++] = header;
        Version++;
    }

    public void Add(HeaderName name, string value) => Add(new SipHeader(name, value));

    /// <summary>Inserts before the first header of that name (or appends): how a new top Via or Route is added.</summary>
    public void Prepend(SipHeader header)
    {
        var at = IndexOf(header.Name);
        if (at < 0)
        {
            Add(header);
            return;
        }

        if (_count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        Array.Copy(_items, at, _items, at + 1, _count - at);
        _items[at] = header;
        _count++;
        Version++;
    }

    /// <summary>Replaces every header of that name with one value (appended where the first one stood).</summary>
    public void Set(HeaderName name, string value)
    {
        var at = IndexOf(name);
        RemoveAll(name);
        var header = new SipHeader(name, value);
        if (at < 0 || at >= _count)
        {
            Add(header);
            return;
        }

        if (_count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        Array.Copy(_items, at, _items, at + 1, _count - at);
        _items[at] = header;
        _count++;
        Version++;
    }

    /// <summary>Replaces the first header of that name (or appends one): how a server rewrites the top Via.</summary>
    public void ReplaceFirst(SipHeader header)
    {
        var at = IndexOf(header.Name);
        if (at < 0)
        {
            Add(header);
            return;
        }

        _items[at] = header;
        Version++;
    }

    /// <summary>Removes the first header of that name; false when there is none.</summary>
    public bool RemoveFirst(HeaderName name)
    {
        var at = IndexOf(name);
        if (at < 0)
        {
            return false;
        }

        Array.Copy(_items, at + 1, _items, at, _count - at - 1);
        _items[--_count] = default;
        Version++;
        return true;
    }

    /// <summary>Removes every header of that name and returns how many were removed.</summary>
    public int RemoveAll(HeaderName name)
    {
        var kept = 0;
        for (var i = 0; i < _count; i++)
        {
            if (!_items[i].Name.Equals(name))
            {
                _items[kept++] = _items[i];
            }
        }

        var removed = _count - kept;
        Array.Clear(_items, kept, removed);
        _count = kept;
        if (removed > 0)
        {
            Version++;
        }

        return removed;
    }

    public bool Contains(HeaderName name) => IndexOf(name) >= 0;

    public int CountOf(HeaderName name)
    {
        var n = 0;
        for (var i = 0; i < _count; i++)
        {
            if (_items[i].Name.Equals(name))
            {
                n++;
            }
        }

        return n;
    }

    public bool TryGetFirst(HeaderName name, out SipHeader header)
    {
        var at = IndexOf(name);
        header = at < 0 ? default : _items[at];
        return at >= 0;
    }

    /// <summary>The first value of that header as a string, or null when absent.</summary>
    public string? GetFirstValue(HeaderName name) => TryGetFirst(name, out var h) ? h.Value : null;

    /// <summary>Every header of that name, in message order (no allocation).</summary>
    public Enumerator GetAll(HeaderName name) => new(this, name);

    /// <summary>Copies every header of that name, in order, into <paramref name="target"/>.</summary>
    public void CopyAllTo(HeaderName name, SipHeaders target)
    {
        ArgumentNullException.ThrowIfNull(target);
        foreach (var h in GetAll(name))
        {
            target.Add(h);
        }
    }

    public int IndexOf(HeaderName name)
    {
        ArgumentNullException.ThrowIfNull(name);
        for (var i = 0; i < _count; i++)
        {
            if (ReferenceEquals(_items[i].Name, name) || _items[i].Name.Equals(name))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Enumerates the headers of one name without allocating.</summary>
    public struct Enumerator
    {
        private readonly SipHeaders _headers;
        private readonly HeaderName _name;
        private int _index;

        internal Enumerator(SipHeaders headers, HeaderName name)
        {
            _headers = headers;
            _name = name;
            _index = -1;
        }

        public readonly SipHeader Current => _headers._items[_index];

        public readonly Enumerator GetEnumerator() => this;

        public bool MoveNext()
        {
            while (++_index < _headers._count)
            {
                if (_headers._items[_index].Name.Equals(_name))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
