using Omstilling.Fuzzing.Engine;

namespace Omstilling.Fuzzing.Mutation;

/// <summary>
/// Applies one to four mutations in a row, each drawn from one of several groups (the groups weigh
/// the same whatever their size, so a target can balance format-aware against plain byte
/// mutations). Results longer than <paramref name="maxLength"/> are not kept. Stateless.
/// </summary>
public sealed class Mutator(int maxLength, params Mutation[][] groups)
{
    private readonly Mutation[][] _groups = groups.Where(g => g.Length > 0).ToArray();

    public byte[] Mutate(byte[] parent, MutationContext context)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(context);
        var current = parent;
        var steps = 1 << context.Random.Next(3);
        for (var i = 0; i < steps * 4 && steps > 0; i++)
        {
            var group = context.Pick(_groups);
            var next = context.Pick(group)(current, context);
            if (next is not null && next.Length <= maxLength)
            {
                current = next;
                steps--;
            }
        }

        return ReferenceEquals(current, parent) ? [.. parent, (byte)context.Random.Next(256)] : current;
    }
}
