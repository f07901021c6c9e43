using Omstilling.Calls.Control;
using Omstilling.Calls.Queues;

namespace Omstilling.Web.Tests.Console;

/// <summary>The queue's members as the test sets them: who is paused and why, who logged out; what the console asked for.</summary>
internal sealed class FakeQueueMembers : IQueueMembers
{
    private readonly Dictionary<string, string> _paused = new(StringComparer.Ordinal);
    private readonly HashSet<string> _loggedOut = new(StringComparer.Ordinal);

    public event Action? Changed;

    /// <summary>The console's requests in order, as "Pause 100 Frokost", "EndPause 100".</summary>
    public List<string> Requests { get; } = [];

    public IReadOnlyList<QueueEntry> Entries(string queueId) => [];

    public MemberState StateOf(string extension) =>
        new(extension, true, !_loggedOut.Contains(extension), _paused.GetValueOrDefault(extension), PhoneState.Idle);

    public string? PauseReason(string extension) => _paused.GetValueOrDefault(extension);

    public void Pause(string extension, string reason)
    {
        Requests.Add($"Pause {extension} {reason}");
        _paused[extension] = reason;
        Changed?.Invoke();
    }

    public void EndPause(string extension)
    {
        Requests.Add($"EndPause {extension}");
        _paused.Remove(extension);
        Changed?.Invoke();
    }

    public void LogIn(string extension)
    {
        Requests.Add($"LogIn {extension}");
        _loggedOut.Remove(extension);
        Changed?.Invoke();
    }

    public void LogOut(string extension)
    {
        Requests.Add($"LogOut {extension}");
        _loggedOut.Add(extension);
        _paused.Remove(extension);
        Changed?.Invoke();
    }
}
