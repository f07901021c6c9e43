using Omstilling.Calls.Tests.Support;
using Omstilling.Sip.Messages;

namespace Omstilling.Calls.Tests.Signalling;

/// <summary>
/// Message-waiting indication (RFC 3842 over RFC 6665): a phone subscribes to its own voicemail
/// box with digest credentials and is told the counts at once, on every change, on refresh, and
/// when the subscription ends; other boxes, other packages and short intervals are refused;
/// subscriptions are bounded; phones that do not subscribe may be told unsolicited.
/// </summary>
public sealed class MessageWaitingTests
{
    [Fact]
    public async Task Subscribe_is_challenged_then_answered_200_and_the_empty_box_is_notified_at_once()
    {
        await using var f = await B2buaFixture.StartAsync();
        var phone = await f.PhoneAsync("2001", register: false);
        var mwi = new MwiSubscriber(f, phone);

        Assert.Equal(SipStatus.Unauthorized, mwi.Subscribe(authenticate: false).StatusCode);
        var ok = mwi.Subscribe();

        Assert.Equal(SipStatus.Ok, ok.StatusCode);
        Assert.Equal(3600, ok.Expires);
        Assert.NotNull(ok.To.Tag);
        Assert.Single(ok.Contacts);
        var notify = Assert.Single(mwi.InDialog);
        Assert.Equal(ok.To.Tag, notify.From.Tag);
        Assert.Equal("active;expires=3600", notify.Header(HeaderName.SubscriptionState));
        Assert.Equal("application/simple-message-summary", notify.ContentType);
        Assert.Equal("Messages-Waiting: no\r\nMessage-Account: sip:2001@192.0.2.2\r\nVoice-Message: 0/0 (0/0)\r\n", notify.BodyText);
        Assert.Equal(1, f.Pbx.MessageWaiting.Count);
    }

    [Fact]
    public async Task A_change_to_the_box_is_notified_with_the_new_counts_and_other_boxes_are_not()
    {
        await using var f = await B2buaFixture.StartAsync();
        var mwi = new MwiSubscriber(f, await f.PhoneAsync("2001", register: false));
        Assert.Equal(SipStatus.Ok, mwi.Subscribe().StatusCode);

        f.Boxes.Set("2001", 1, 0);
        f.Deliver();
        f.Boxes.Set("2002", 3, 1);
        f.Deliver();

        Assert.Equal(2, mwi.InDialog.Length);
        var body = mwi.InDialog[1].BodyText;
        Assert.Contains("Messages-Waiting: yes\r\n", body, StringComparison.Ordinal);
        Assert.Contains("Voice-Message: 1/0 (0/0)\r\n", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changes_while_a_notify_is_unanswered_are_told_once_with_the_latest_counts()
    {
        await using var f = await B2buaFixture.StartAsync();
        var mwi = new MwiSubscriber(f, await f.PhoneAsync("2001", register: false));
        Assert.Equal(SipStatus.Ok, mwi.Subscribe().StatusCode);

        f.Boxes.Set("2001", 1, 0);
        f.Boxes.Set("2001", 2, 0);
        f.Boxes.Set("2001", 1, 1);
        f.Deliver();

        Assert.Equal(3, mwi.InDialog.Length);
        Assert.Contains("Voice-Message: 1/0 (0/0)", mwi.InDialog[1].BodyText, StringComparison.Ordinal);
        Assert.Contains("Voice-Message: 1/1 (0/0)", mwi.InDialog[2].BodyText, StringComparison.Ordinal);
        Assert.True(mwi.InDialog[2].CSeq.Number > mwi.InDialog[1].CSeq.Number);
    }

    [Fact]
    public async Task Another_persons_box_is_refused_403()
    {
        await using var f = await B2buaFixture.StartAsync();
        var mwi = new MwiSubscriber(f, await f.PhoneAsync("2001", register: false));

        var refused = mwi.Subscribe(box: "2002");

        Assert.Equal(SipStatus.Forbidden, refused.StatusCode);
        Assert.Empty(mwi.Notifies);
        Assert.Equal(0, f.Pbx.MessageWaiting.Count);
    }

    [Theory]
    [InlineData("presence")]
    [InlineData(null)]
    public async Task Another_event_package_is_refused_489_with_allow_events(string? eventPackage)
    {
        await using var f = await B2buaFixture.StartAsync();
        var mwi = new MwiSubscriber(f, await f.PhoneAsync("2001", register: false));

        var refused = mwi.Subscribe(eventPackage: eventPackage);

        Assert.Equal(SipStatus.BadEvent, refused.StatusCode);
        Assert.Equal("message-summary", refused.Header(HeaderName.AllowEvents));
    }

    [Fact]
    public async Task A_phone_that_accepts_no_message_summary_is_refused_406()
    {
        await using var f = await B2buaFixture.StartAsync();
        var mwi = new MwiSubscriber(f, await f.PhoneAsync("2001", register: false));

        Assert.Equal(406, mwi.Subscribe(accept: "application/pidf+xml").StatusCode);
        Assert.Equal(SipStatus.Ok, new MwiSubscriber(f, await f.PhoneAsync("2002", register: false)).Subscribe(accept: "application/simple-message-summary").StatusCode);
    }

    [Fact]
    public async Task A_too_brief_interval_is_refused_423_and_a_long_one_is_shortened()
    {
        await using var f = await B2buaFixture.StartAsync();
        var mwi = new MwiSubscriber(f, await f.PhoneAsync("2001", register: false));

        var brief = mwi.Subscribe(expires: 30);
        var longOne = mwi.Subscribe(expires: 86400);
        var unsaid = new MwiSubscriber(f, await f.PhoneAsync("2001", register: false)).Subscribe(expires: null);

        Assert.Equal(SipStatus.IntervalTooBrief, brief.StatusCode);
        Assert.Equal("60", brief.Header(HeaderName.MinExpires));
        Assert.Equal((200, 7200L), (longOne.StatusCode, longOne.Expires!.Value));
        Assert.Equal((200, 3600L), (unsaid.StatusCode, unsaid.Expires!.Value));
    }

    [Fact]
    public async Task A_refresh_answers_200_notifies_and_starts_the_interval_again()
    {
        await using var f = await B2buaFixture.StartAsync();
        var mwi = new MwiSubscriber(f, await f.PhoneAsync("2001", register: false));
        Assert.Equal(SipStatus.Ok, mwi.Subscribe().StatusCode);
        f.Advance(TimeSpan.FromSeconds(3000));

        var refreshed = mwi.Resubscribe(1800);
        f.Advance(TimeSpan.FromSeconds(1000)); // past the first hour

        Assert.Equal((200, 1800L), (refreshed.StatusCode, refreshed.Expires!.Value));
        Assert.Equal(2, mwi.InDialog.Length);
        Assert.Equal("active;expires=1800", mwi.InDialog[1].Header(HeaderName.SubscriptionState));
        Assert.Equal(1, f.Pbx.MessageWaiting.Count);

        f.Advance(TimeSpan.FromSeconds(801));
        Assert.Equal(0, f.Pbx.MessageWaiting.Count);
        Assert.Equal("terminated;reason=timeout", mwi.InDialog[^1].Header(HeaderName.SubscriptionState));
    }

    [Fact]
    public async Task Expires_zero_in_the_dialog_ends_the_subscription_with_a_final_notify()
    {
        await using var f = await B2buaFixture.StartAsync();
        var mwi = new MwiSubscriber(f, await f.PhoneAsync("2001", register: false));
        Assert.Equal(SipStatus.Ok, mwi.Subscribe().StatusCode);
        f.Boxes.Set("2001", 2, 3);
        f.Deliver();

        var ended = mwi.Resubscribe(0);

        Assert.Equal((200, 0L), (ended.StatusCode, ended.Expires!.Value));
        Assert.Equal(3, mwi.InDialog.Length);
        Assert.Equal("terminated;reason=timeout", mwi.InDialog[2].Header(HeaderName.SubscriptionState));
        Assert.Contains("Voice-Message: 2/3 (0/0)", mwi.InDialog[2].BodyText, StringComparison.Ordinal);
        Assert.Equal(0, f.Pbx.MessageWaiting.Count);
        Assert.Equal(SipStatus.CallOrTransactionDoesNotExist, mwi.Resubscribe(3600).StatusCode);
        f.Boxes.Set("2001", 3, 3);
        f.Deliver();
        Assert.Equal(3, mwi.InDialog.Length);
    }

    [Fact]
    public async Task Expires_zero_outside_a_dialog_fetches_the_counts_once()
    {
        await using var f = await B2buaFixture.StartAsync();
        var mwi = new MwiSubscriber(f, await f.PhoneAsync("2001", register: false));
        f.Boxes.Set("2001", 1, 4);

        var fetched = mwi.Subscribe(expires: 0);

        Assert.Equal((200, 0L), (fetched.StatusCode, fetched.Expires!.Value));
        var notify = Assert.Single(mwi.InDialog);
        Assert.Equal("terminated;reason=timeout", notify.Header(HeaderName.SubscriptionState));
        Assert.Contains("Messages-Waiting: yes\r\n", notify.BodyText, StringComparison.Ordinal);
        Assert.Equal(0, f.Pbx.MessageWaiting.Count);
    }

    [Fact]
    public async Task A_subscription_not_refreshed_expires_with_a_final_notify_and_hears_no_more()
    {
        await using var f = await B2buaFixture.StartAsync();
        var mwi = new MwiSubscriber(f, await f.PhoneAsync("2001", register: false));
        Assert.Equal(SipStatus.Ok, mwi.Subscribe(expires: 120).StatusCode);

        f.Advance(TimeSpan.FromSeconds(119));
        Assert.Single(mwi.InDialog);
        f.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(2, mwi.InDialog.Length);
        Assert.Equal("terminated;reason=timeout", mwi.InDialog[1].Header(HeaderName.SubscriptionState));
        Assert.Equal(0, f.Pbx.MessageWaiting.Count);
        f.Boxes.Set("2001", 1, 0);
        f.Deliver();
        Assert.Equal(2, mwi.InDialog.Length);
    }

    [Fact]
    public async Task A_phone_that_answers_a_notify_481_is_forgotten()
    {
        await using var f = await B2buaFixture.StartAsync();
        var phone = await f.PhoneAsync("2001", register: false);
        var mwi = new MwiSubscriber(f, phone);
        Assert.Equal(SipStatus.Ok, mwi.Subscribe().StatusCode);
        phone.NotifyAnswer = SipStatus.CallOrTransactionDoesNotExist;

        f.Boxes.Set("2001", 1, 0);
        f.Deliver();
        f.Boxes.Set("2001", 2, 0);
        f.Deliver();

        Assert.Equal(2, mwi.InDialog.Length);
        Assert.Equal(0, f.Pbx.MessageWaiting.Count);
    }

    [Fact]
    public async Task Subscriptions_are_bounded_per_account_and_in_all()
    {
        await using var f = await B2buaFixture.StartAsync(new MessageWaitingOptions { MaxPerAccount = 2, MaxSubscriptions = 3 });
        var birgitte = await f.PhoneAsync("2001", register: false);
        var signe = await f.PhoneAsync("2002", register: false);
        var henrik = await f.PhoneAsync("2003", register: false);

        var first = new MwiSubscriber(f, birgitte).Subscribe();
        var second = new MwiSubscriber(f, birgitte).Subscribe();
        var third = new MwiSubscriber(f, birgitte).Subscribe();
        var signes = new MwiSubscriber(f, signe).Subscribe();
        var henriks = new MwiSubscriber(f, henrik).Subscribe();

        Assert.Equal([200, 200, 403, 200, 503], new[] { first, second, third, signes, henriks }.Select(r => r.StatusCode));
        Assert.Equal("Too many message-waiting subscriptions for this account", third.ReasonPhrase);
        Assert.Equal("Too many message-waiting subscriptions", henriks.ReasonPhrase);
        Assert.Equal(3, f.Pbx.MessageWaiting.Count);
        Assert.Equal(3, birgitte.Received.Count(r => r.Method == SipMethod.Notify) + signe.Received.Count(r => r.Method == SipMethod.Notify));
        Assert.DoesNotContain(henrik.Received, r => r.Method == SipMethod.Notify);
    }

    [Fact]
    public async Task Unsolicited_notifies_go_to_the_registered_phones_of_a_box_nobody_subscribes_to_when_switched_on()
    {
        await using var f = await B2buaFixture.StartAsync(new MessageWaitingOptions { Unsolicited = true });
        var birgitte = await f.PhoneAsync("2001");
        var signe = await f.PhoneAsync("2002");
        var subscribed = new MwiSubscriber(f, signe);
        Assert.Equal(SipStatus.Ok, subscribed.Subscribe().StatusCode);

        f.Boxes.Set("2001", 1, 0);
        f.Boxes.Set("2002", 1, 0);
        f.Deliver();

        var unsolicited = Assert.Single(birgitte.Received, r => r.Method == SipMethod.Notify);
        Assert.Null(unsolicited.To.Tag);
        Assert.Equal("message-summary", unsolicited.Header(HeaderName.Event));
        Assert.Equal("sip:2001@192.0.2.10:5060", unsolicited.RequestUri.ToString());
        Assert.Equal("Messages-Waiting: yes\r\nMessage-Account: sip:2001@192.0.2.2\r\nVoice-Message: 1/0 (0/0)\r\n", unsolicited.BodyText);
        Assert.Equal(2, subscribed.Notifies.Length); // its subscription's two, no unsolicited one besides
        Assert.Equal(subscribed.Notifies, subscribed.InDialog);
    }

    [Fact]
    public async Task Unsolicited_notifies_are_off_by_default()
    {
        await using var f = await B2buaFixture.StartAsync();
        var birgitte = await f.PhoneAsync("2001");

        f.Boxes.Set("2001", 1, 0);
        f.Deliver();

        Assert.DoesNotContain(birgitte.Received, r => r.Method == SipMethod.Notify);
    }

    [Fact]
    public async Task Options_names_subscribe_and_the_message_summary_package()
    {
        await using var f = await B2buaFixture.StartAsync();
        var phone = await f.PhoneAsync("2001", register: false);
        var options = new SipRequest(SipMethod.Options, SipUri.Sip(null, B2buaFixture.ServerAddress.Address.ToString()), new SipHeaders());
        options.Headers.Add(HeaderName.From, "<sip:2001@192.0.2.2>;tag=o1");
        options.Headers.Add(HeaderName.To, "<sip:192.0.2.2>");
        options.Headers.Add(HeaderName.CallId, SipIds.NewCallId("phone"));
        options.Headers.Add(HeaderName.CSeq, new CSeq(1, SipMethod.Options).ToString());

        phone.Stack.SendRequest(options, f.ServerEndPoint, phone);
        f.Deliver();

        var ok = Assert.Single(phone.Responses, r => r.CSeq.Method == SipMethod.Options);
        var allowed = new List<string>();
        foreach (var allow in ok.Headers.GetAll(HeaderName.Allow))
        {
            allowed.Add(allow.Value.Trim());
        }

        Assert.Contains("SUBSCRIBE", allowed);
        Assert.Equal("message-summary", ok.Header(HeaderName.AllowEvents));
    }
}
