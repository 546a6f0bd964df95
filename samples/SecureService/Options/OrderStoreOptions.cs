namespace SecureService.Options;

public sealed class OrderStoreOptions
{
    public string Server { get; set; } = "orders-db";

    public string UserName { get; set; } = "orders";

    /// <summary>Bound from configuration (OrderStore:Password); never set in code.</summary>
    public string Password { get; set; } = string.Empty;
}
