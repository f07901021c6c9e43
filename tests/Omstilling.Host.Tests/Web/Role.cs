namespace Omstilling.Host.Tests.Web;

/// <summary>Who asks, in the access tests.</summary>
public enum Role
{
    Anonymous,
    Operator,
    Staff,
    DepartmentHead,
    Admin,
}
