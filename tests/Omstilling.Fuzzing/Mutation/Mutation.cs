using Omstilling.Fuzzing.Engine;

namespace Omstilling.Fuzzing.Mutation;

/// <summary>One way of changing an input: a new array, or null when it does not apply to this input.</summary>
public delegate byte[]? Mutation(byte[] input, MutationContext context);
