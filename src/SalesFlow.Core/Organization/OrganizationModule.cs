using Microsoft.Extensions.DependencyInjection;

namespace SalesFlow.Core.Organization;

public static class OrganizationModule
{
    public static IServiceCollection AddOrganization(this IServiceCollection services) => services
        .AddScoped<OrgUnitQueries>()
        .AddScoped<CreateOrgUnitHandler>()
        .AddScoped<UpdateOrgUnitHandler>()
        .AddScoped<MoveOrgUnitHandler>()
        .AddScoped<DeleteOrgUnitHandler>()
        .AddScoped<EmployeeQueries>()
        .AddScoped<CreateEmployeeHandler>()
        .AddScoped<UpdateEmployeeHandler>()
        .AddScoped<MoveEmployeeHandler>()
        .AddScoped<LeaveEmployeeHandler>();
}
