using Omstilling.Calls.Control;

namespace Omstilling.Web.Console;

/// <summary>The console's keys (console.js sends them; <c>?</c> lists them): every action has one.</summary>
public sealed partial class ConsoleViewModel
{
    /// <summary>
    /// A key from the browser: "search" (F2, Ctrl+K), "escape", "up", "down", "enter" (in the
    /// search box), "alt-" and a letter, the banner's "1" to "4", and "?". A key that means nothing
    /// now (a banner key without a banner) does nothing.
    /// </summary>
    public async Task<KeyEffect> PressAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var card = Card.Card;
        var banner = Call.Banner is not null;
        switch (key)
        {
            case "search":
                return KeyEffect.FocusSearch;
            case "escape":
                return Escape();
            case "down":
                Search.Down();
                break;
            case "up":
                Search.Up();
                break;
            case "enter" when Search.Chosen is not null:
                await OpenResultAsync(Search.Selected, cancellationToken);
                break;
            case "alt-b":
                Queue.AnswerNext();
                break;
            case "alt-h":
                Call.ToggleHold();
                break;
            case "alt-o" when card is not null:
                await TransferAsync(TransferKind.Blind, cancellationToken);
                break;
            case "alt-m" when card is not null:
                await TransferAsync(TransferKind.Announced, cancellationToken);
                break;
            case "alt-l" when card is not null:
                await TransferAsync(TransferKind.CampOn, cancellationToken);
                break;
            case "alt-f":
                Call.Run(ConsoleCommand.Complete);
                break;
            case "alt-t":
                Call.Run(ConsoleCommand.Return);
                break;
            case "alt-v" when card is not null:
                VoicemailOnCard();
                break;
            case "alt-n":
                OpenMessage();
                break;
            case "alt-x":
                Call.Run(ConsoleCommand.HangUp);
                break;
            case "alt-p":
                Pause.Toggle();
                break;
            case "1" when banner:
                BannerMessage();
                break;
            case "2" when banner:
                await BannerColleaguesAsync(cancellationToken);
                break;
            case "3" when banner:
                Call.Run(ConsoleCommand.BannerVoicemail);
                break;
            case "4" when banner:
                Call.Run(ConsoleCommand.BannerWait);
                break;
            case "?":
                HelpShown = !HelpShown;
                break;
            default:
                // A key that means nothing now: a transfer without a card, a banner key without a banner.
                break;
        }

        return KeyEffect.None;
    }

    /// <summary>Esc closes what is open, innermost first: the message form, the help, else the search.</summary>
    private KeyEffect Escape()
    {
        if (Message.Draft is not null)
        {
            Message.Cancel();
        }
        else if (HelpShown)
        {
            HelpShown = false;
        }
        else
        {
            Search.Clear();
            return KeyEffect.ClearSearch;
        }

        return KeyEffect.None;
    }
}
