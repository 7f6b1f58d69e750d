using SalesFlow.Core.Common;

namespace SalesFlow.Core.Dealers;

public static class DealerErrors
{
    public static Error NotFound(Guid id) => Error.NotFound("Dealer", id);

    public static Error NotTrading(DealerStatus status) =>
        Error.Rule("dealer.notTrading", $"The dealer is {status}; only an active dealer can order.", ("dealerStatus", status.ToString()));
}
