package estate.domain.owners;

/** How a payment reached the company. */
public enum PaymentChannel { CASH, BANK_TRANSFER, WECHAT_PAY, ALIPAY, CARD, APP }
