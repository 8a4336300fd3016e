package cn.gov.liuyang.bizenv.spending.ingest.xls;

import cn.gov.liuyang.bizenv.spending.fixtures.BrokenWorkbooks;
import cn.gov.liuyang.bizenv.spending.fixtures.BrokenWorkbooks.Case;
import cn.gov.liuyang.bizenv.spending.fixtures.HandMadeOle2;
import cn.gov.liuyang.bizenv.spending.fixtures.Seed2021;
import cn.gov.liuyang.bizenv.spending.fixtures.SpendingWorkbooks;
import cn.gov.liuyang.bizenv.spending.model.FindingCode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * .xls files that must be refused, each for one reason: damaged containers and records, hostile
 * sizes and loops, passwords, and OLE2 files that are no workbook. (Excel 95, Excel 4.0 and .ods
 * files are in the shared corpus, {@link BrokenWorkbooks}: they are refused alike with or without
 * the .xls reader.)
 */
public final class BrokenXlsWorkbooks {
  /** Cases whose damage lies after whole sheets, which may reach the sink before the refusal. */
  public static final Set<String> DAMAGED_AFTER_SOME_SHEETS =
      Set.of("an .xls cut off in the middle of its workbook stream");

  private BrokenXlsWorkbooks() {}

  public static List<Case> all() {
    byte[] messy = XlsWorkbooks.seedMessy();
    byte[] stream = workbookStream(messy);
    List<Case> cases = new ArrayList<>();
    // the container
    cases.add(
        xls(
            "an .xls cut off in its sector table",
            Arrays.copyOf(messy, 700),
            FindingCode.WORKBOOK_UNREADABLE));
    cases.add(
        xls(
            "an .xls cut off in the middle of its workbook stream",
            cutInStream(stream),
            FindingCode.WORKBOOK_UNREADABLE));
    cases.add(
        xls(
            "a sector chain that loops back",
            loopingChain(stream),
            FindingCode.WORKBOOK_UNREADABLE));
    cases.add(
        xls(
            "a directory chain that loops on itself",
            loopingDirectory(stream),
            FindingCode.WORKBOOK_UNREADABLE));
    cases.add(
        xls(
            "a stream declaring 2 GB",
            declaredStreamSize(stream, 0x7FFF_FFF0),
            FindingCode.WORKBOOK_UNREADABLE));
    cases.add(
        xls(
            "a header declaring 2^31 FAT sectors",
            fatSectors(stream, Integer.MAX_VALUE),
            FindingCode.WORKBOOK_UNREADABLE));
    cases.add(
        xls(
            "random bytes after an OLE2 signature",
            randomAfterSignature(),
            FindingCode.WORKBOOK_UNREADABLE));
    // the records
    cases.add(
        xls(
            "a record declaring 65,535 bytes (BIFF allows 8,224)",
            withRecord(HandMadeBiff.record(HandMadeBiff.NUMBER, 0xFFFF, new byte[14])),
            FindingCode.WORKBOOK_UNREADABLE));
    cases.add(
        xls(
            "a record longer than what is left of the file",
            lastRecordCut(),
            FindingCode.WORKBOOK_UNREADABLE));
    cases.add(
        xls(
            "a shared string the table does not have",
            missingSharedString(),
            FindingCode.WORKBOOK_UNREADABLE));
    cases.add(xls("a workbook stream that is no BIFF", notBiff(), FindingCode.WORKBOOK_UNREADABLE));
    // what is not a readable workbook
    cases.add(
        xls(
            "an .xls with an open password",
            XlsWorkbooks.encrypted(SpendingWorkbooks.messy(Seed2021.lines()), "财务股2021"),
            FindingCode.WORKBOOK_ENCRYPTED));
    cases.add(
        xls(
            "an .xlsx with an open password (OLE2-wrapped)",
            new HandMadeOle2()
                .stream("EncryptionInfo", new byte[64]).stream("EncryptedPackage", new byte[8192])
                    .bytes(),
            FindingCode.WORKBOOK_ENCRYPTED));
    cases.add(
        xls(
            "a Word .doc renamed .xls",
            new HandMadeOle2()
                .stream("WordDocument", new byte[4096]).stream("1Table", new byte[4096]).bytes(),
            FindingCode.NOT_A_SPREADSHEET));
    cases.add(
        xls(
            "an OLE2 file without a workbook (WPS .et of another kind, .msg…)",
            new HandMadeOle2().stream("\u0005SummaryInformation", new byte[256]).bytes(),
            FindingCode.NOT_A_SPREADSHEET));
    return cases;
  }

  private static Case xls(String name, byte[] bytes, FindingCode expected) {
    return new Case(name, "支出明细.xls", bytes, expected);
  }

  /** The BIFF stream of an .xls, to put into a container whose layout a test knows. */
  static byte[] workbookStream(byte[] xls) {
    try (POIFSFileSystem container = new POIFSFileSystem(new ByteArrayInputStream(xls));
        InputStream in = container.createDocumentInputStream("Workbook")) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] cutInStream(byte[] stream) {
    byte[] whole = new HandMadeOle2().stream("Workbook", stream).bytes();
    HandMadeOle2.Layout layout = new HandMadeOle2().stream("Workbook", stream).layout();
    int cut = layout.offsetOf(layout.firstSector().get("Workbook")) + stream.length * 3 / 4;
    return Arrays.copyOf(whole, cut);
  }

  private static byte[] loopingChain(byte[] stream) {
    HandMadeOle2 ole2 = new HandMadeOle2().stream("Workbook", stream);
    HandMadeOle2.Layout layout = ole2.layout();
    byte[] bytes = ole2.bytes();
    int first = layout.firstSector().get("Workbook");
    // the third sector of the stream says the first one follows it
    putInt(bytes, layout.fatEntryOf(first + 2), first);
    return bytes;
  }

  private static byte[] loopingDirectory(byte[] stream) {
    HandMadeOle2 ole2 = new HandMadeOle2().stream("Workbook", stream);
    HandMadeOle2.Layout layout = ole2.layout();
    byte[] bytes = ole2.bytes();
    putInt(bytes, layout.fatEntryOf(layout.directorySector()), layout.directorySector());
    return bytes;
  }

  private static byte[] declaredStreamSize(byte[] stream, int size) {
    HandMadeOle2 ole2 = new HandMadeOle2().stream("Workbook", stream);
    byte[] bytes = ole2.bytes();
    putInt(bytes, ole2.layout().directoryEntryOf(0) + 0x78, size);
    return bytes;
  }

  private static byte[] fatSectors(byte[] stream, int count) {
    byte[] bytes = new HandMadeOle2().stream("Workbook", stream).bytes();
    putInt(bytes, 0x2C, count);
    return bytes;
  }

  private static byte[] randomAfterSignature() {
    byte[] bytes = new byte[64 * 1024];
    new Random(20211231).nextBytes(bytes);
    byte[] signature = {
      (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1
    };
    System.arraycopy(signature, 0, bytes, 0, signature.length);
    return bytes;
  }

  private static byte[] withRecord(byte[] record) {
    HandMadeBiff biff = new HandMadeBiff();
    biff.sheet("明细").number(0, 0, 1).add(record).number(1, 0, 2);
    return biff.xls();
  }

  private static byte[] lastRecordCut() {
    HandMadeBiff biff = new HandMadeBiff();
    biff.sheet("明细").number(0, 0, 1);
    byte[] stream = biff.stream();
    // drop the sheet's EOF and end on a record that declares 8,000 bytes but carries 10
    byte[] cut = Arrays.copyOf(stream, stream.length - 4);
    byte[] record = HandMadeBiff.record(HandMadeBiff.LABEL_SST, 8000, new byte[10]);
    byte[] damaged = Arrays.copyOf(cut, cut.length + record.length);
    System.arraycopy(record, 0, damaged, cut.length, record.length);
    // no zero padding after it: the stream ends exactly there
    return new HandMadeOle2().stream("Workbook", padTo4096WithGarbage(damaged)).bytes();
  }

  private static byte[] padTo4096WithGarbage(byte[] stream) {
    if (stream.length >= 4096) {
      return stream;
    }
    byte[] padded = Arrays.copyOf(stream, 4096);
    Arrays.fill(padded, stream.length, padded.length, (byte) 0x7F);
    return padded;
  }

  private static byte[] missingSharedString() {
    HandMadeBiff biff = new HandMadeBiff().sst("单位：元");
    biff.sheet("明细").sst(0, 0, 0).sst(1, 0, 99);
    return biff.xls();
  }

  private static byte[] notBiff() {
    byte[] text = new byte[8192];
    Arrays.fill(text, (byte) 'A');
    return new HandMadeOle2().stream("Workbook", text).bytes();
  }

  private static void putInt(byte[] bytes, int offset, int value) {
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(offset, value);
  }
}
