namespace Omstilling.Web.Console;

/// <summary>
/// The line of feedback under the console's status bar: what an action did, or why it could not.
/// It goes away by itself after <see cref="Shown"/>. Not thread-safe: one per console, used on
/// its circuit.
/// </summary>
public sealed class ConsoleFeedback(TimeProvider time)
{
    /// <summary>How long a line stays.</summary>
    public static readonly TimeSpan Shown = TimeSpan.FromSeconds(8);

    private DateTimeOffset _until;

    /// <summary>The line, or null when there is none.</summary>
    public string? Text { get; private set; }

    /// <summary>The line says something did not happen.</summary>
    public bool Bad { get; private set; }

    public void Say(string text) => Show(text, bad: false);

    public void Refuse(string text) => Show(text, bad: true);

    /// <summary>Takes the line away once its time is up; true when it did.</summary>
    public bool Expire()
    {
        if (Text is null || time.GetUtcNow() < _until)
        {
            return false;
        }

        Text = null;
        Bad = false;
        return true;
    }

    private void Show(string text, bool bad)
    {
        Text = text;
        Bad = bad;
        _until = time.GetUtcNow() + Shown;
    }
}
