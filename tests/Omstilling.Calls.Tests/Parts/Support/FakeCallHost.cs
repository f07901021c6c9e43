using Omstilling.Calls.Control;
using Omstilling.Calls.Events;
using Omstilling.Calls.Signalling;
using Omstilling.Media.Audio;
using Omstilling.Policy.Model;
using Omstilling.Sip.Messages;
using Omstilling.Sip.Registrar;

namespace Omstilling.Calls.Tests.Parts.Support;

/// <summary>
/// A hand-written call for a part under test: it keeps the events the part emits and writes down
/// each step the part asks of its call, in order ("Ring Transfer 2002 ringback", "Follow Queue
/// hovedomstilling 480 NoAnswer", ...). Prompts do not play: <see cref="PlayThen"/> keeps what
/// follows them until the test says the prompts finished (<see cref="FinishPrompts"/>).
/// </summary>
internal sealed class FakeCallHost(Func<DateTimeOffset> now) : IRingHost, ITransferHost, IPolicyHost, IQueueHost
{
    private readonly List<(IReadOnlyList<string> Prompts, Action Then)> _prompts = [];
    private readonly List<(Task Task, Action Then)> _after = [];
    private readonly List<Action> _waiting = [];

    public Guid Id { get; } = Guid.NewGuid();

    public string Caller { get; set; } = "2001";

    public string Dialled { get; set; } = "54731000";

    public bool HasEnded { get; set; }

    public DateTimeOffset Now => now();

    /// <summary>What <see cref="AnswerCaller"/> says (false: the caller's CANCEL won).</summary>
    public bool CanAnswer { get; set; } = true;

    public bool CallerAnswered { get; set; }

    public bool MediaReady { get; set; } = true;

    public bool Connected { get; set; }

    public RingGroup? Ringing { get; set; }

    public bool Recalled { get; set; }

    /// <summary>Whether an answer for a group is taken (<see cref="IRingHost.Takes"/>).</summary>
    public Func<RingGroup, bool> TakesAnswer { get; set; } = _ => true;

    public List<CallEvent> Events { get; } = [];

    public List<string> Steps { get; } = [];

    /// <summary>The groups the part asked to ring, in order.</summary>
    public List<RingGroup> Rung { get; } = [];

    /// <summary>What the caller hears now (a looping clip), or null.</summary>
    public AudioClip? Playing { get; private set; }

    public IReadOnlyList<IReadOnlyList<string>> PromptsPlayed => [.. _prompts.Select(p => p.Prompts)];

    public IEnumerable<CallEventKind> Kinds => Events.Select(e => e.Kind);

    public CallEvent Event(CallEventKind kind) => new(Id, kind, Now, Caller, Dialled);

    public void Emit(CallEvent e) => Events.Add(e);

    public bool AnswerCaller()
    {
        Steps.Add("AnswerCaller");
        CallerAnswered |= CanAnswer;
        return CanAnswer;
    }

    public void PlayThen(IReadOnlyList<string> prompts, Action then) => PlayThen([], prompts, then);

    public void PlayThen(IReadOnlyList<AudioClip> recordings, IReadOnlyList<string> prompts, Action then)
    {
        Steps.Add("PlayThen " + string.Join(',', [.. recordings.Select(r => "recording:" + r.Name), .. prompts]));
        if (AnswerCaller())
        {
            Playing = null;
            _prompts.Add((prompts, then));
        }
    }

    /// <summary>The prompts asked for last finished playing: what was to follow them runs (as the call does, unless it ended).</summary>
    public void FinishPrompts()
    {
        var (_, then) = _prompts[^1];
        _prompts.RemoveAt(_prompts.Count - 1);
        if (!HasEnded)
        {
            then();
        }
    }

    /// <summary>Work the part let go on without the call (keeping a voicemail), for the test to await.</summary>
    public List<Task> Observed { get; } = [];

    public void Observe(Task task, string what) => Observed.Add(task);

    public void PlayToCaller(AudioClip clip)
    {
        Steps.Add("PlayToCaller");
        Playing = clip;
    }

    /// <summary>Steps from timers and other threads wait (as for the call's lock) until <see cref="RunWaiting"/>.</summary>
    public bool HoldLock { get; set; }

    public void Locked(Action step, string what)
    {
        if (HoldLock)
        {
            _waiting.Add(step);
        }
        else if (!HasEnded)
        {
            step();
        }
    }

    /// <summary>The steps that waited for the lock get it, in order.</summary>
    public void RunWaiting()
    {
        HoldLock = false;
        var waiting = _waiting.ToList();
        _waiting.Clear();
        waiting.ForEach(step => Locked(step, "waited"));
    }

    public void After(Task task, Action then, string what) => _after.Add((task, then));

    /// <summary>Waits (bounded) for the task handed to <see cref="After"/> last, then runs what follows it.</summary>
    public async Task FinishAfterAsync()
    {
        var (task, then) = _after[^1];
        _after.RemoveAt(_after.Count - 1);
        await task.WaitAsync(TimeSpan.FromSeconds(10));
        Locked(then, "after");
    }

    public void Follow(PolicyAction? action, int status, CallEndReason reason) =>
        Steps.Add($"Follow {action?.Kind.ToString() ?? "none"} {action?.Target} {status} {reason}");

    public void Finish(int status, CallEndReason reason) => Steps.Add($"Finish {status} {reason}");

    public void HangUp(CallEndReason reason)
    {
        Steps.Add($"HangUp {reason}");
        HasEnded = true;
    }

    public void OnRinging(SipResponse response) => Steps.Add($"OnRinging {response.StatusCode}");

    public void OnAnswered(RingGroup group, Branch branch) =>
        Steps.Add($"OnAnswered {group.Purpose} {branch.Party}");

    public void OnRingFailed(RingGroup group) => Steps.Add($"OnRingFailed {group.Purpose}");

    public void OnRingLimit(RingGroup group) => Steps.Add($"OnRingLimit {group.Purpose}");

    public bool Takes(RingGroup group) => TakesAnswer(group);

    public void Ring(RingGroup group, IReadOnlyList<Binding> bindings, TimeSpan limit, bool ringback) =>
        Ring(group, bindings, limit, ringback, toTrunk: false);

    public void Ring(RingGroup group, IReadOnlyList<Binding> bindings, TimeSpan limit, bool ringback, bool toTrunk)
    {
        Steps.Add($"Ring {group.Purpose} {string.Join(',', bindings.Select(b => b.Aor))}{(ringback ? " ringback" : "")}{(toTrunk ? " trunk" : "")}");
        Rung.Add(group);
        Ringing = group;
    }

    public void RingTransferTarget(string extension) => Steps.Add($"RingTransferTarget {extension}");

    public ConsultationReach ReachForConsultation(string extension) => new(extension, [], null);

    public void LeaveTransfer(RingOutcome outcome) => Steps.Add($"LeaveTransfer {outcome}");

    public void RingOn(RingGroup group, TimeSpan left)
    {
        Steps.Add($"RingOn {group.Purpose} {left.TotalSeconds:0}s");
        Ringing = group;
    }

    public void AbandonRinging()
    {
        Steps.Add("AbandonRinging");
        Ringing?.Abandon();
    }

    public void RequeueAtHead() => Steps.Add("RequeueAtHead");

    public bool PrepareCallerMedia()
    {
        Steps.Add("PrepareCallerMedia");
        return MediaReady;
    }

    public void RingFailed(RingGroup group, RingOutcome outcome, int status) =>
        Steps.Add($"RingFailed {group.Purpose} {outcome} {status}");

    public void EnterQueue(Queue queue, PolicyAction? onBusy, bool recalled) => Steps.Add($"EnterQueue {queue.Id}{(recalled ? " recalled" : "")}");

    public void Refuse(int status, string? phrase, CallEndReason reason)
    {
        Steps.Add($"Refuse {status} {reason}{(phrase is null ? "" : " " + phrase)}");
        HasEnded = true;
    }

    public void ShowOnBoard() => Steps.Add("ShowOnBoard");

    /// <summary>The one event of <paramref name="kind"/> (fails when there is none or more).</summary>
    public CallEvent Single(CallEventKind kind) => Assert.Single(Events, e => e.Kind == kind);
}
