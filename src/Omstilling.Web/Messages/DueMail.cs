using MimeKit;

namespace Omstilling.Web.Messages;

/// <summary>
/// An item due to be e-mailed. <see cref="ComposeAsync"/> makes the mail only when it is about to
/// be sent (so whatever stops it, a bad address or an unreadable attachment, is recorded on the
/// item); it throws <see cref="MailCompositionException"/> with the reason in Danish when it knows
/// why. Immutable.
/// </summary>
/// <param name="Attempts">Attempts so far (the retry schedule follows it).</param>
public sealed record DueMail(Guid Id, string Address, int Attempts, Func<CancellationToken, Task<MimeMessage>> ComposeAsync);
