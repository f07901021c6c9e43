using Omstilling.Directory;
using Omstilling.Policy;
using Omstilling.Storage.Users;
using Omstilling.Web.Auth;
using Omstilling.Web.Staff;

namespace Omstilling.Web.Voicemail;

/// <summary>
/// Who may hear a voicemail box, in one place for the pages and the sound files: a person their
/// own box (their extension); a department head their department's box; operators the
/// switchboard's box (the queue's "leave a message", which they answer with a telefonbesked).
/// Administrators get no one's messages by being administrators: voicemails are personal data.
/// </summary>
public static class VoicemailReaders
{
    /// <summary>The shared boxes <paramref name="user"/> reads, the switchboard's first.</summary>
    public static IReadOnlyList<SharedVoicemailBox> SharedBoxesOf(SignedInUser? user, TelephonePolicy? policy)
    {
        if (user is null || policy is null)
        {
            return [];
        }

        var boxes = new List<SharedVoicemailBox>();
        if (user.Roles.Contains(UserRole.Operator))
        {
            boxes.Add(new SharedVoicemailBox(policy.Switchboard.Id, policy.Switchboard.Name));
        }

        if (user.Roles.Contains(UserRole.DepartmentHead) && user.DepartmentId is { } id && policy.Departments.TryGetValue(id, out var department))
        {
            boxes.Add(new SharedVoicemailBox(department.Id, department.Name));
        }

        return boxes;
    }

    /// <summary>Whether <paramref name="user"/> may hear the messages of <paramref name="box"/>.</summary>
    public static bool MayRead(SignedInUser? user, StaffDirectory directory, TelephonePolicy? policy, string box) =>
        string.Equals(OwnPerson.Of(user, directory)?.Extension, box, StringComparison.Ordinal)
        || SharedBoxesOf(user, policy).Any(shared => string.Equals(shared.Box, box, StringComparison.Ordinal));
}
