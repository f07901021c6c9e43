namespace Omstilling.Web.Security;

/// <summary>
/// Endpoint metadata: the answer may be framed by any site (the published contact page, which
/// the municipality's own website embeds). It holds public content only and takes no input, so
/// there is nothing to click-jack; every other answer stays unframeable (<see cref="SecurityHeaders"/>).
/// </summary>
internal sealed class EmbeddableAnywhere
{
    public static EmbeddableAnywhere Instance { get; } = new();

    private EmbeddableAnywhere()
    {
    }
}
