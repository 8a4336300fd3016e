package cn.gov.liuyang.bizenv.spending.ingest.xls;

import cn.gov.liuyang.bizenv.spending.fixtures.HandMadeOle2;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a BIFF8 workbook stream record by record, for what POI's user model never writes: RK and
 * MulRK numbers, LABEL records, cells out of row order, sheets whose substreams are not in tab
 * order, chart substreams, and damaged records. Wrapped in an OLE2 file by {@link #xls()}.
 */
final class HandMadeBiff {
  static final int BOF = 0x0809;
  static final int EOF = 0x000A;
  static final int BOUND_SHEET = 0x0085;
  static final int SST = 0x00FC;
  static final int LABEL_SST = 0x00FD;
  static final int LABEL = 0x0204;
  static final int NUMBER = 0x0203;
  static final int RK = 0x027E;
  static final int MUL_RK = 0x00BD;
  static final int BOOL_ERR = 0x0205;
  static final int FORMULA = 0x0006;
  static final int STRING = 0x0207;
  static final int UNCALCED = 0x005E;

  static final int WORKSHEET = 0x10;
  static final int CHART = 0x20;

  /** One sheet: its tab name, its BOF type, and its records between BOF and EOF. */
  static final class Sheet {
    final String name;
    final int type;
    final List<byte[]> records = new ArrayList<>();

    Sheet(String name, int type) {
      this.name = name;
      this.type = type;
    }

    Sheet add(byte[] record) {
      records.add(record);
      return this;
    }

    Sheet number(int row, int column, double value) {
      return add(record(NUMBER, le().putShort(row).putShort(column).putShort(0).putDouble(value)));
    }

    /** An RK number: a 30-bit integer or the top of a double, optionally divided by 100. */
    Sheet rk(int row, int column, int rk) {
      return add(record(RK, le().putShort(row).putShort(column).putShort(0).putInt(rk)));
    }

    Sheet mulRk(int row, int firstColumn, int... rks) {
      Le data = le().putShort(row).putShort(firstColumn);
      for (int rk : rks) {
        data.putShort(0).putInt(rk);
      }
      return add(record(MUL_RK, data.putShort(firstColumn + rks.length - 1)));
    }

    Sheet sst(int row, int column, int index) {
      return add(record(LABEL_SST, le().putShort(row).putShort(column).putShort(0).putInt(index)));
    }

    Sheet label(int row, int column, String text) {
      return add(record(LABEL, unicode(le().putShort(row).putShort(column).putShort(0), text)));
    }

    Sheet bool(int row, int column, boolean value) {
      return add(
          record(
              BOOL_ERR, le().putShort(row).putShort(column).putShort(0).put(value ? 1 : 0).put(0)));
    }

    Sheet error(int row, int column, int code) {
      return add(
          record(BOOL_ERR, le().putShort(row).putShort(column).putShort(0).put(code).put(1)));
    }

    /** A formula {@code =42} whose cached result is a number. */
    Sheet formula(int row, int column, double cached) {
      Le data = le().putShort(row).putShort(column).putShort(0).putDouble(cached);
      return add(record(FORMULA, formulaTail(data)));
    }

    /**
     * A formula {@code =42} whose cached result is special: text (0), bool (1), error (2), "" (3).
     */
    Sheet formulaSpecial(int row, int column, int type, int value) {
      Le data =
          le().putShort(row)
              .putShort(column)
              .putShort(0)
              .put(type)
              .put(0)
              .put(value)
              .put(0)
              .put(0)
              .put(0)
              .putShort(0xFFFF);
      return add(record(FORMULA, formulaTail(data)));
    }

    Sheet string(String text) {
      return add(record(STRING, unicode(le(), text)));
    }

    Sheet uncalced() {
      return add(record(UNCALCED, le().putShort(0)));
    }

    private static Le formulaTail(Le data) {
      // options, chn, then the tokens: tInt 42
      return data.putShort(0).putInt(0).putShort(3).put(0x1E).putShort(42);
    }
  }

  private final List<byte[]> globals = new ArrayList<>();
  private final List<Sheet> sheets = new ArrayList<>();
  private int[] streamOrder;
  private int version = 0x0600;

  Sheet sheet(String name) {
    Sheet sheet = new Sheet(name, WORKSHEET);
    sheets.add(sheet);
    return sheet;
  }

  Sheet chart(String name) {
    Sheet sheet = new Sheet(name, CHART);
    sheets.add(sheet);
    return sheet;
  }

  /** A shared string table of the given texts. */
  HandMadeBiff sst(String... texts) {
    Le data = le().putInt(texts.length).putInt(texts.length);
    for (String text : texts) {
      unicode(data, text);
    }
    globals.add(record(SST, data));
    return this;
  }

  HandMadeBiff global(byte[] record) {
    globals.add(record);
    return this;
  }

  /** Writes the sheets' substreams in this order of tab indexes (tab order by default). */
  HandMadeBiff streamOrder(int... tabs) {
    this.streamOrder = tabs;
    return this;
  }

  /** The BOF version: 0x0600 is BIFF8, 0x0500 BIFF5 (Excel 5.0/95). */
  HandMadeBiff version(int version) {
    this.version = version;
    return this;
  }

  byte[] stream() {
    int[] order = streamOrder;
    if (order == null) {
      order = new int[sheets.size()];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
    }
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    head.writeBytes(bof(0x05));
    globals.forEach(head::writeBytes);
    int boundSheets = 0;
    for (Sheet sheet : sheets) {
      boundSheets += boundSheet(0, sheet).length;
    }
    int offset = head.size() + boundSheets + 4;
    int[] positions = new int[sheets.size()];
    List<byte[]> substreams = new ArrayList<>();
    for (int tab : order) {
      positions[tab] = offset;
      ByteArrayOutputStream substream = new ByteArrayOutputStream();
      substream.writeBytes(bof(sheets.get(tab).type));
      sheets.get(tab).records.forEach(substream::writeBytes);
      substream.writeBytes(record(EOF, le()));
      substreams.add(substream.toByteArray());
      offset += substream.size();
    }
    for (int tab = 0; tab < sheets.size(); tab++) {
      head.writeBytes(boundSheet(positions[tab], sheets.get(tab)));
    }
    head.writeBytes(record(EOF, le()));
    substreams.forEach(head::writeBytes);
    return head.toByteArray();
  }

  /** The stream in an OLE2 file, as Excel saves it. */
  byte[] xls() {
    return new HandMadeOle2().stream("Workbook", stream()).bytes();
  }

  private byte[] bof(int type) {
    return record(
        BOF,
        le().putShort(version).putShort(type).putShort(0x0DBB).putShort(1996).putInt(0).putInt(6));
  }

  private static byte[] boundSheet(int position, Sheet sheet) {
    int kind = sheet.type == CHART ? 2 : 0;
    Le data = le().putInt(position).put(0).put(kind);
    byte[] name = sheet.name.getBytes(StandardCharsets.UTF_16LE);
    data.put(sheet.name.length()).put(1).put(name);
    return record(BOUND_SHEET, data);
  }

  /** A record with its true length. */
  static byte[] record(int sid, Le data) {
    return record(sid, data.bytes().length, data.bytes());
  }

  /** A record that declares {@code length}, whatever its data. */
  static byte[] record(int sid, int length, byte[] data) {
    ByteBuffer record = ByteBuffer.allocate(4 + data.length).order(ByteOrder.LITTLE_ENDIAN);
    record.putShort((short) sid).putShort((short) length).put(data);
    return record.array();
  }

  /** An XLUnicodeString: character count, UTF-16 flag, characters. */
  private static Le unicode(Le data, String text) {
    return data.putShort(text.length()).put(1).put(text.getBytes(StandardCharsets.UTF_16LE));
  }

  static Le le() {
    return new Le();
  }

  /** A little-endian byte builder. */
  static final class Le {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Le put(int b) {
      out.write(b);
      return this;
    }

    Le put(byte[] bytes) {
      out.writeBytes(bytes);
      return this;
    }

    Le putShort(int value) {
      return put(value & 0xFF).put(value >>> 8 & 0xFF);
    }

    Le putInt(int value) {
      return putShort(value & 0xFFFF).putShort(value >>> 16);
    }

    Le putDouble(double value) {
      long bits = Double.doubleToLongBits(value);
      return putInt((int) bits).putInt((int) (bits >>> 32));
    }

    byte[] bytes() {
      return out.toByteArray();
    }
  }

  /** The RK encoding of an integer. */
  static int rkInteger(int value) {
    return value << 2 | 2;
  }

  /** The RK encoding of an integer number of hundredths: {@code hundredths / 100}. */
  static int rkHundredths(int hundredths) {
    return hundredths << 2 | 3;
  }

  /** The RK encoding of a double whose low 34 bits are zero (e.g. 0.5, 1739000.0). */
  static int rkDouble(double value) {
    return (int) (Double.doubleToLongBits(value) >>> 32) & 0xFFFFFFFC;
  }
}
