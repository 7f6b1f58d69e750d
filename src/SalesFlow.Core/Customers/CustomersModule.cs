using Microsoft.Extensions.DependencyInjection;

namespace SalesFlow.Core.Customers;

public static class CustomersModule
{
    public static IServiceCollection AddCustomers(this IServiceCollection services) => services
        .AddScoped<CustomerQueries>()
        .AddScoped<CreateCustomerHandler>()
        .AddScoped<UpdateCustomerHandler>()
        .AddScoped<SetCustomerCreditHandler>()
        .AddScoped<HandOverCustomersHandler>()
        .AddScoped<SaveContactHandler>()
        .AddScoped<DeleteCustomerHandler>();
}
