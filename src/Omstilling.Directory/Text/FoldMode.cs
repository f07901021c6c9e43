namespace Omstilling.Directory.Text;

/// <summary>How Danish letters are written without them.</summary>
internal enum FoldMode
{
    /// <summary>The official transliteration: æ → ae, ø → oe, å → aa (and ä, ö, ü → ae, oe, ue).</summary>
    Strict = 0,
    /// <summary>What people type on a keyboard without the letters: æ → e, ø → o, å → a.</summary>
    Loose = 1,
    /// <summary>The other loose spelling of æ/ä: a ("hjemmehjalp"); otherwise as <see cref="Loose"/>.</summary>
    LooseA = 2,
}
