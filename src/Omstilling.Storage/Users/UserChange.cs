namespace Omstilling.Storage.Users;

/// <summary>What became of a change to a user (<see cref="UserStore.DisableAsync"/> and its kin).</summary>
public enum UserChange
{
    /// <summary>Done (or it was so already).</summary>
    Done,

    /// <summary>No user has that name.</summary>
    Unknown,

    /// <summary>Refused: it would leave no enabled administrator, and no one to manage the users on the web.</summary>
    LastAdmin,
}
