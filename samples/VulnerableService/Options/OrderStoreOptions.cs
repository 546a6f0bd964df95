namespace VulnerableService.Options;

public sealed class OrderStoreOptions
{
    public string Server { get; set; } = "orders-db";

    public string UserName { get; set; } = "orders";

    public string Password { get; set; } = "P@ssw0rd-orders";
}
