using YamlDotNet.RepresentationModel;

namespace Omstilling.Yaml;

/// <summary>
/// Checks a loaded YAML tree for what aliases can do to it: an alias inside the value its anchor
/// names makes a cycle (<c>then: *o</c> within <c>&amp;o</c>), and aliases to aliases can nest values
/// deeper than the file does. The loaders walk some values recursively (an action's 'then'), so
/// either would overflow the stack. Iterative, and each node is measured once.
/// </summary>
internal static class YamlShape
{
    /// <summary>The first node found inside itself or nested past <paramref name="maxDepth"/> counting through aliases, or null.</summary>
    public static (YamlNode Node, bool Cycle)? FindProblem(YamlNode root, int maxDepth)
    {
        var height = new Dictionary<YamlNode, int>(ReferenceEqualityComparer.Instance);
        var onPath = new HashSet<YamlNode>(ReferenceEqualityComparer.Instance) { root };
        var path = new Stack<(YamlNode Node, IEnumerator<YamlNode> Children)>();
        path.Push((root, Children(root).GetEnumerator()));
        while (path.Count > 0)
        {
            var (node, children) = path.Peek();
            if (children.MoveNext())
            {
                var child = children.Current;
                if (onPath.Contains(child))
                {
                    return (child, true);
                }

                if (!height.ContainsKey(child))
                {
                    onPath.Add(child);
                    path.Push((child, Children(child).GetEnumerator()));
                }

                continue;
            }

            children.Dispose();
            path.Pop();
            onPath.Remove(node);
            var h = 1 + Children(node).Select(c => height[c]).DefaultIfEmpty(0).Max();
            if (h > maxDepth)
            {
                return (node, false);
            }

            height[node] = h;
        }

        return null;
    }

    private static IEnumerable<YamlNode> Children(YamlNode node) => node switch
    {
        YamlMappingNode mapping => mapping.Children.SelectMany(pair => new[] { pair.Key, pair.Value }),
        YamlSequenceNode sequence => sequence.Children,
        _ => [],
    };
}
