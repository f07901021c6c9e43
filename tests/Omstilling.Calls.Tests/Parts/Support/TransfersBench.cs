using Omstilling.Calls.Signalling;
using Omstilling.Policy.Routing;
using Omstilling.Sip.Messages;
using Omstilling.Sip.Transactions;

namespace Omstilling.Calls.Tests.Parts.Support;

/// <summary>
/// <see cref="Transfers"/> with the parts it works with, as a call has them: the caller answered
/// on a real INVITE, operator 100 on the line (a real answered branch, bridged to the caller),
/// target 2002 and colleague 2003 registered, a real ringer and connection, recalls and menus on a
/// recording call. The call's own reactions (what an answer or a hang-up means) are the test's.
/// </summary>
internal sealed class TransfersBench : IAsyncDisposable
{
    public TransfersBench()
    {
        Host = new FakeCallHost(() => Rig.Now);
        Owner = Rig.EndedCall();
        var sink = new ResponseSink();
        Ringer = new Ringer(Host, Rig.Dialer(sink), Rig.Server.Scheduler);
        sink.Forward = (transaction, response) =>
        {
            if (transaction.Tag is Branch branch)
            {
                Ringer.OnResponse(branch, response);
            }
        };
        Connection = new Connection(Rig.Clock, Rig.Music, (_, _) => { });
        Recalls = new Recalls(Host, Owner, Rig.Services);
        Leg = new CallerLeg(Rig.Invite(), Rig.Server, Rig.Registry, Rig.Registry, new ResponseSink(), Rig.Clock, "54731000");
        Assert.Equal(CallerMediaSetup.Ready, Leg.PrepareMedia(Rig.NewMedia()));
        Assert.True(Leg.Answer(new RecordingListener()));
        Menus = new MenuRunner(Host, Rig.Server.Scheduler, () => null, PolicyState.Staffed, Rig.Services.Voicemail, Rig.Services.Staff.Absence, Rig.Options);
        Transfers = new Transfers(Host, Owner, Rig.Services, Ringer, Connection, Recalls, Leg, Menus, Rig.NewMedia);
        foreach (var extension in new[] { "100", "101", "2002", "2003" })
        {
            Rig.Register(extension);
        }

        // Operator 100 answered the caller.
        var group = new RingGroup(RingPurpose.QueueOffer, ["100"]);
        Assert.True(Ringer.StartForCaller(group, Rig.Bindings.Lookup("100"), TimeSpan.FromSeconds(15), Rig.NewMedia, toTrunk: false));
        Rig.Deliver();
        SipMessages.Respond(Rig, Rig.NextInviteAtPhone(), SipStatus.Ok);
        Operator = group.Branches[0];
        group.Answered(Operator);
        Connection.Connect(Leg.Media!.Stream, Operator, Rig.Now, byOperator: true);
        Host.Steps.Clear();
        Host.Events.Clear();
    }

    public PartsRig Rig { get; } = new();

    public FakeCallHost Host { get; }

    public Call Owner { get; }

    public Ringer Ringer { get; }

    public Connection Connection { get; }

    public Recalls Recalls { get; }

    public CallerLeg Leg { get; }

    public MenuRunner Menus { get; }

    public Transfers Transfers { get; }

    /// <summary>Operator 100's answered leg.</summary>
    public Branch Operator { get; }

    public TransferSession Session => Transfers.Session!;

    /// <summary>Operator 100 starts an announced transfer to 2002: the target's phone rings (the INVITE at the phone is returned).</summary>
    public ServerInviteTransaction Consulting()
    {
        Assert.Equal(Omstilling.Calls.Control.CallControlResult.Done, Transfers.Consult("100", "2002", "Bo Jensen"));
        Rig.Deliver();
        var invite = Rig.NextInviteAtPhone();
        SipMessages.Respond(Rig, invite, SipStatus.Ringing);
        return invite;
    }

    /// <summary>The target answers the operator, and the call hands the answer to the transfer (as <c>Call.OnAnswered</c> does).</summary>
    public Branch TargetAnswers(ServerInviteTransaction invite)
    {
        SipMessages.Respond(Rig, invite, SipStatus.Ok);
        var target = Session.Consultation!.Branches[0];
        Assert.True(Transfers.TakesConsultAnswer(Session.Consultation));
        Transfers.ConsultAnswered(target);
        return target;
    }

    /// <summary>A leg hangs up (its BYE, answered by the call): the branch is released and the transfer told, as the call does.</summary>
    public bool HangsUp(Branch branch)
    {
        branch.Released();
        branch.Media.Close();
        return Transfers.OnHungUp(branch);
    }

    public ValueTask DisposeAsync()
    {
        Transfers.Stop();
        Connection.Dispose();
        return Rig.DisposeAsync();
    }
}
