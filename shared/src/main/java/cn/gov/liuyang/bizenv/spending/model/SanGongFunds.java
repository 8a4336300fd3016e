package cn.gov.liuyang.bizenv.spending.model;

import cn.gov.liuyang.bizenv.common.Money;

/** 三公经费: 因公出国（境）费 (30212), 公务用车购置 (31013) and 运行维护费 (30231), 公务接待费 (30217). */
public record SanGongFunds(
    Money overseasTravel, Money vehiclePurchase, Money vehicleOperation, Money reception) {

  public static final SanGongFunds NONE =
      new SanGongFunds(Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO);

  public Money total() {
    return overseasTravel.plus(vehiclePurchase).plus(vehicleOperation).plus(reception);
  }

  /** Which part a code counts towards; other codes are not 三公经费. */
  public static SanGongFunds of(EconomicCode code, Money amount) {
    return switch (code.value()) {
      case "30212" -> new SanGongFunds(amount, Money.ZERO, Money.ZERO, Money.ZERO);
      case "31013" -> new SanGongFunds(Money.ZERO, amount, Money.ZERO, Money.ZERO);
      case "30231" -> new SanGongFunds(Money.ZERO, Money.ZERO, amount, Money.ZERO);
      case "30217" -> new SanGongFunds(Money.ZERO, Money.ZERO, Money.ZERO, amount);
      default -> NONE;
    };
  }

  public SanGongFunds plus(SanGongFunds other) {
    return new SanGongFunds(
        overseasTravel.plus(other.overseasTravel),
        vehiclePurchase.plus(other.vehiclePurchase),
        vehicleOperation.plus(other.vehicleOperation),
        reception.plus(other.reception));
  }
}
