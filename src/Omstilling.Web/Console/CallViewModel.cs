using System.Diagnostics;
using Omstilling.Calls.Control;
using Omstilling.Directory.Model;
using Omstilling.Policy;
using Omstilling.Web.Cards;
using Omstilling.Web.Live;

namespace Omstilling.Web.Console;

/// <summary>
/// The current call panel: the operator's call, the notices of departments it concerns, the
/// recall banner when a transfer came back, and the commands on the call (hold, transfer,
/// voicemail, complete, return, hang up, the banner's choices). Not thread-safe: one per console,
/// used on its circuit.
/// </summary>
public sealed class CallViewModel
{
    private readonly ISwitchboardControl _calls;
    private readonly DirectoryHolder _directory;
    private readonly PersonCards _cards;
    private readonly PolicyProvider? _policy;
    private readonly string? _me;
    private readonly ConsoleFeedback _feedback;

    public CallViewModel(ISwitchboardControl calls, DirectoryHolder directory, PersonCards cards, PolicyProvider? policy, string? me, ConsoleFeedback feedback)
    {
        ArgumentNullException.ThrowIfNull(calls);
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(cards);
        ArgumentNullException.ThrowIfNull(feedback);
        _calls = calls;
        _directory = directory;
        _cards = cards;
        _policy = policy;
        _me = me;
        _feedback = feedback;
    }

    /// <summary>The call the operator talks on or consults from, or null.</summary>
    public CallView? Call { get; private set; }

    /// <summary>The operator has the caller on the line: the person card's transfers apply to this call.</summary>
    public bool CanAct => Call is not null && _me is not null && Call.AnsweredBy == _me;

    /// <summary>Notices of departments the call is about (the number dialled, whom it was for, the transfer's target).</summary>
    public IReadOnlyList<DepartmentAbsence> Notices { get; private set; } = [];

    /// <summary>The transfer that came back (or the consultation nobody took), or null.</summary>
    public RecallBanner? Banner { get; private set; }

    /// <summary>What the panel says without a call: how the next one comes, or why none will.</summary>
    public string IdleText { get; private set; } = IdleTextFor(PickState.NoPhone);

    /// <summary>The person the banner is about (whoever did not take the transfer).</summary>
    public string? BannerPersonId => Banner?.Card?.Person.Id;

    public async Task ApplyAsync(BoardSnapshot board, PickState pick, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(board);
        Call = _me is null ? null : board.CallOf(_me);
        Notices = NoticesFor(Call, board.Notices);
        Banner = await BannerAsync(Call, cancellationToken);
        IdleText = IdleTextFor(pick);
    }

    /// <summary>Alt+H: hold, or take back from hold.</summary>
    public void ToggleHold() => Run(Call?.OnHold == true ? ConsoleCommand.Resume : ConsoleCommand.Hold);

    public void Run(ConsoleCommand command)
    {
        if (Call is not { } call || _me is null)
        {
            _feedback.Refuse("Du har ingen samtale.");
            return;
        }

        if ((command is ConsoleCommand.BannerVoicemail or ConsoleCommand.BannerWait) && Banner is null)
        {
            _feedback.Refuse("Opkaldet er ikke kommet tilbage.");
            return;
        }

        var result = command switch
        {
            ConsoleCommand.Hold => _calls.Hold(call.Id, _me),
            ConsoleCommand.Resume => _calls.TakeOffHold(call.Id, _me),
            ConsoleCommand.Complete => _calls.CompleteTransfer(call.Id, _me),
            ConsoleCommand.Return => _calls.ReturnToCaller(call.Id, _me),
            ConsoleCommand.HangUp => _calls.HangUp(call.Id, _me),
            ConsoleCommand.BannerVoicemail => _calls.TransferToVoicemail(call.Id, _me, Banner!.Target),
            ConsoleCommand.BannerWait => _calls.CampOn(call.Id, _me, Banner!.Target, Banner.Name),
            _ => throw new UnreachableException($"Not a console command: {command}"),
        };
        if (result != CallControlResult.Done)
        {
            _feedback.Refuse(ConsoleText.Refused(result, Banner?.Name));
        }
        else if (command is ConsoleCommand.BannerVoicemail)
        {
            _feedback.Say($"Opkalderen indtaler en besked til {Banner!.Name}.");
        }
        else if (command is ConsoleCommand.BannerWait)
        {
            _feedback.Say($"Opkalderen venter på {Banner!.Name}.");
        }
    }

    /// <summary>Puts the caller through to the person: blind, announced (the operator talks first) or waiting for a busy person.</summary>
    public async Task TransferAsync(Person person, TransferKind kind, bool announceName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        if (Call is not { } call || _me is null)
        {
            _feedback.Refuse("Du har ingen samtale at stille om.");
            return;
        }

        if (person.Extension is not { } extension)
        {
            _feedback.Refuse($"{person.Name} har intet lokalnummer.");
            return;
        }

        var result = kind switch
        {
            TransferKind.Blind => await _calls.BlindTransferAsync(call.Id, _me, extension, person.Name, announceName, cancellationToken),
            TransferKind.Announced => _calls.StartConsultation(call.Id, _me, extension, person.Name),
            TransferKind.CampOn => _calls.CampOn(call.Id, _me, extension, person.Name),
            _ => throw new UnreachableException($"Not a transfer kind: {kind}"),
        };
        if (result != CallControlResult.Done)
        {
            _feedback.Refuse(ConsoleText.Refused(result, person.Name));
            return;
        }

        _feedback.Say(kind switch
        {
            TransferKind.Blind => $"Stillet om til {person.Name}.",
            TransferKind.Announced => $"Ringer til {person.Name}. Opkalderen hører ventemusik.",
            TransferKind.CampOn => $"Opkalderen venter på {person.Name}.",
            _ => throw new UnreachableException($"Not a transfer kind: {kind}"),
        });
    }

    /// <summary>The caller leaves a message in the person's voicemail; the operator is free.</summary>
    public void Voicemail(Person person)
    {
        ArgumentNullException.ThrowIfNull(person);
        if (Call is not { } call || _me is null)
        {
            _feedback.Refuse("Du har ingen samtale at stille om.");
            return;
        }

        var result = _calls.TransferToVoicemail(call.Id, _me, person.Extension ?? person.Id);
        if (result == CallControlResult.Done)
        {
            _feedback.Say($"Opkalderen indtaler en besked til {person.Name}.");
        }
        else
        {
            _feedback.Refuse(ConsoleText.Refused(result, person.Name));
        }
    }

    /// <summary>Banner choice 1 after a consultation nobody took: back to the caller, before the message form opens.</summary>
    public void ReturnForMessage()
    {
        if (Banner is { Consultation: true } && Call is { } call && _me is not null)
        {
            _calls.ReturnToCaller(call.Id, _me);
        }
    }

    public string NameOf(string extension) => _directory.Current.FindByExtension(extension)?.Name ?? extension;

    private static string IdleTextFor(PickState pick) => pick switch
    {
        PickState.NoPhone => "Ingen samtale. Din bruger har ingen telefon, så du tager ikke opkald her; du kan følge køen og søge i vidensdatabasen.",
        PickState.PhoneOffline => "Ingen samtale. Din telefon er ikke logget på, så der kommer ingen opkald til dig.",
        PickState.Possible or PickState.InCall or PickState.Ringing => "Ingen samtale. Tag det næste opkald i køen med Alt+B.",
        _ => throw new UnreachableException($"Not a pick state: {pick}"),
    };

    /// <summary>
    /// The recall banner, when the operator's call is a transfer that came back (or a consultation
    /// nobody took): who, why, their absence and next free time.
    /// </summary>
    private async Task<RecallBanner?> BannerAsync(CallView? call, CancellationToken cancellationToken)
    {
        var (target, name, outcome, consultation) = call switch
        {
            { Transfer: { Kind: TransferKind.Announced, Failed: { } failed } t } => (t.Target, t.TargetName, failed, true),
            { Recall: { } r, Transfer: null } => (r.Target, r.TargetName, r.Outcome, false),
            _ => (null, null, default(RingOutcome), false),
        };
        if (target is null)
        {
            return null;
        }

        var person = _directory.Current.FindByExtension(target);
        var card = person is null ? null : await _cards.GetAsync(person.Id, cancellationToken);
        return new RecallBanner(target, name ?? person?.Name ?? target, outcome, consultation, card);
    }

    private IReadOnlyList<DepartmentAbsence> NoticesFor(CallView? call, IReadOnlyList<DepartmentAbsence> notices)
    {
        if (call is null || notices.Count == 0)
        {
            return [];
        }

        var staff = _directory.Current;
        var departments = new HashSet<string>(StringComparer.Ordinal);
        if (_policy?.Current is { } policy && policy.TryFindNumber(call.Dialled, out var number))
        {
            if (number.Owner is Omstilling.Policy.Model.NumberOwner.Department)
            {
                departments.Add(number.OwnerId);
            }
            else if (staff.FindByExtension(number.OwnerId) is { } owner)
            {
                departments.Add(owner.DepartmentId);
            }
        }

        foreach (var extension in new[] { call.Diversion?.Party, call.Transfer?.Target, call.Recall?.Target })
        {
            if (extension is not null && staff.FindByExtension(extension) is { } person)
            {
                departments.Add(person.DepartmentId);
            }
        }

        return [.. notices.Where(n => departments.Contains(n.DepartmentId))];
    }
}
