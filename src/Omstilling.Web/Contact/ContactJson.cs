using System.Text.Json;
using System.Text.Json.Serialization;

namespace Omstilling.Web.Contact;

/// <summary>The contact feed's JSON (<c>/kontakt.json</c>): English camelCase names, enums as camelCase words; docs/contact-page.md.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true, UseStringEnumConverter = true)]
[JsonSerializable(typeof(ContactPage))]
internal sealed partial class ContactJson : JsonSerializerContext
{
    public static byte[] Bytes(ContactPage page) => JsonSerializer.SerializeToUtf8Bytes(page, Default.ContactPage);
}
