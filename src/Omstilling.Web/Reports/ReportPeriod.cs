namespace Omstilling.Web.Reports;

/// <summary>The period a report page covers, as the form names it.</summary>
public enum ReportPeriod
{
    /// <summary>One local day (<c>periode=dag</c>).</summary>
    Day,

    /// <summary>The Monday-to-Sunday week around the chosen day (<c>periode=uge</c>).</summary>
    Week,

    /// <summary>The calendar month of the chosen day (<c>periode=maaned</c>).</summary>
    Month,

    /// <summary>From one day to another, both included (<c>periode=valgfri</c>).</summary>
    Custom,
}
