namespace Omstilling.Media.Clock;

/// <summary>Something that sends media on the 20 ms beat: a prompt player, music on hold, a DTMF sender.</summary>
public interface IMediaTicker
{
    /// <summary>Called once per 20 ms packet time. Must be quick (encode and send one packet) and must not block.</summary>
    void OnTick();
}
