namespace Omstilling.Policy.Explaining;

/// <summary>One line of an explanation; <see cref="Depth"/> 0 is the call itself, 1 a menu's options, and so on.</summary>
public sealed record ExplanationStep(int Depth, string Text);
