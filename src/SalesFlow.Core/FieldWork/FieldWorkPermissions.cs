namespace SalesFlow.Core.FieldWork;

public static class FieldWorkPermissions
{
    /// <summary>Activities, work logs, visits, route plans and travel requests in scope.</summary>
    public const string View = "fieldwork.view";

    /// <summary>Record one's own (or, for managers, a team member's) activities, visits, plans, logs and travel.</summary>
    public const string Edit = "fieldwork.edit";

    /// <summary>Comment on team work logs and decide travel requests of people in scope.</summary>
    public const string Manage = "fieldwork.manage";
}
