namespace Omstilling.Fuzzing.Engine;

/// <summary>
/// One distinct failure: the smallest input found that fails the same way, the input the fuzzer
/// first hit, what happened, and where the input was saved.
/// </summary>
public sealed record FuzzFinding(
    FindingKind Kind,
    string Signature,
    byte[] Input,
    byte[] OriginalInput,
    string Description,
    string? SavedTo)
{
    public override string ToString() =>
        $"{Kind}: {Signature}\n{Description}\ninput ({Input.Length} bytes{(SavedTo is null ? "" : $", saved to {SavedTo}")}):\n{Hex.Dump(Input)}";
}
