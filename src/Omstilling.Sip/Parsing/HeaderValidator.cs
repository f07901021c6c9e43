using Omstilling.Sip.Messages;

namespace Omstilling.Sip.Parsing;

/// <summary>
/// Validates, without allocating, the headers that the transaction, dialog and registrar layers
/// read from every message, so that reading them later cannot fail. Other headers are checked
/// by whoever interprets them.
/// </summary>
internal static class HeaderValidator
{
    public static void Validate(HeaderName name, ReadOnlyMemory<byte> memory, int offset, ref HeaderFacts facts)
    {
        var value = memory.Span;
        if (!name.IsKnown)
        {
            return;
        }

        if (name == HeaderName.Via)
        {
            ViaGrammar.Validate(value, offset);
            facts.NoteVia();
        }
        else if (name == HeaderName.From || name == HeaderName.To || name == HeaderName.Route ||
                 name == HeaderName.RecordRoute || name == HeaderName.ReplyTo)
        {
            NameAddressGrammar.Validate(value, offset, name.Name);
        }
        else if (name == HeaderName.Contact)
        {
            var wildcard = value.SequenceEqual("*"u8);
            facts.NoteContact(wildcard, offset);
            if (!wildcard)
            {
                NameAddressGrammar.Validate(value, offset, name.Name);
            }
        }
        else if (name == HeaderName.CSeq)
        {
            var (start, length) = ScalarGrammar.ValidateCSeq(value, offset);
            facts.CSeqMethod = memory.Slice(start, length);
            facts.CSeqOffset = offset + start;
        }
        else if (name == HeaderName.CallId)
        {
            ScalarGrammar.ValidateCallId(value, offset);
        }
        else if (name == HeaderName.MaxForwards)
        {
            ScalarGrammar.ParseNumber(value, offset, 255, name.Name);
        }
        else if (name == HeaderName.ContentLength)
        {
            facts.ContentLength = (long)ScalarGrammar.ParseNumber(value, offset, int.MaxValue, name.Name);
            facts.ContentLengthOffset = offset;
        }
        else if (name == HeaderName.Expires)
        {
            ScalarGrammar.ParseDeltaSeconds(value, offset, name.Name);
        }
    }
}
