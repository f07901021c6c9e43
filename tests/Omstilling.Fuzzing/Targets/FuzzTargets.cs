using Omstilling.Fuzzing.Engine;
using Omstilling.Fuzzing.Targets.Config;
using Omstilling.Fuzzing.Targets.Media;
using Omstilling.Fuzzing.Targets.Sip;

namespace Omstilling.Fuzzing.Targets;

/// <summary>Every fuzz target, in the order runs take them (docs/fuzzing.md describes each).</summary>
public static class FuzzTargets
{
    public static IReadOnlyList<IFuzzTarget> All() =>
    [
        new SipMessageTarget(), new SipUriTarget(), new NameAddressTarget(), new ViaTarget(), new DigestTarget(), new SdpTarget(), new RtpTarget(),
        new RtcpTarget(), new Rfc4733Target(), new SipInfoDtmfTarget(), new WavTarget(), new PolicyYamlTarget(), new DirectoryYamlTarget(),
    ];

    /// <summary>The target of that name; throws with the names there are when there is none.</summary>
    public static IFuzzTarget Named(string name) =>
        All().FirstOrDefault(t => t.Name == name)
        ?? throw new ArgumentException($"No fuzz target '{name}'; there are: {string.Join(", ", All().Select(t => t.Name))}", nameof(name));
}
