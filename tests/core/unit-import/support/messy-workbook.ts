import ExcelJS from 'exceljs';
import { bytesToChars, encodeTcvn3, encodeVni } from './legacy-charts';
import { workbookBytes } from './files';

/**
 * A unit list as a district office really keeps it: an instructions sheet first, then a sheet
 * with the national header, a title and a date above a two-line header (a group title merged
 * over "Họ và tên" | "Chức vụ"), a "(1) (2) (3)" row, group titles merged across the table,
 * a blank row inside the table, codes typed as numbers with a "000" format, a phone number
 * that lost its leading zero, a formula, a hyperlink, a date, TCVN3 text in .VnTime and
 * .VnTimeH fonts, VNI text in VNI-Times, a rich-text cell mixing fonts, a subtotal, a total,
 * and the signature block; and a hidden sheet.
 */
export const MESSY_EXPECTED = [
  {
    row: 10,
    code: '001',
    name: 'Trường Mầm non Hoa Sen',
    kind: 'school',
    schoolLevel: 'preschool',
    headName: 'Nguyễn Thị Lan',
    phone: '02053840123',
  },
  {
    row: 11,
    code: '002',
    name: 'Trường Mầm non Na Dương',
    kind: 'school',
    schoolLevel: 'preschool',
    headName: 'Hoàng Thị Mai',
  },
  {
    row: 13,
    code: '003',
    name: 'Trường Mầm non Hoa Mai',
    kind: 'school',
    schoolLevel: 'preschool',
    headName: 'Lương Thị Hoa',
  },
  { row: 15, code: 'XA01', name: 'UBND xã Hiệp Hạ', kind: 'commune', schoolLevel: null, headName: 'Lương Văn Hùng' },
  { row: 16, code: 'XA02', name: 'UBND THỊ TRẤN NA DƯƠNG', kind: 'commune', schoolLevel: null, headName: 'Vi Văn Sơn' },
  { row: 17, code: '', name: 'UBND xã Tú Đoạn', kind: 'commune', schoolLevel: null, headName: 'Nông Văn Tuấn' },
] as const;

const TITLE_FONT: Partial<ExcelJS.Font> = { name: 'Times New Roman', bold: true, size: 13 };

export async function messyWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const guide = workbook.addWorksheet('Hướng dẫn');
  guide.getCell('A1').value = 'Điền danh sách đơn vị ở trang tính "Danh sách".';
  guide.getCell('A2').value = 'Không xóa dòng tiêu đề.';

  const sheet = workbook.addWorksheet('Danh sách');
  sheet.getCell('A1').value = 'UBND HUYỆN LỘC BÌNH';
  sheet.mergeCells('A1:C1');
  sheet.getCell('E1').value = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
  sheet.mergeCells('E1:H1');
  sheet.getCell('A2').value = 'PHÒNG GIÁO DỤC VÀ ĐÀO TẠO';
  sheet.getCell('E2').value = 'Độc lập - Tự do - Hạnh phúc';
  sheet.getCell('A4').value = 'DANH SÁCH CÁC ĐƠN VỊ ĐƯỢC KIỂM TRA NĂM 2019';
  sheet.getCell('A4').font = TITLE_FONT;
  sheet.mergeCells('A4:H4');
  sheet.getCell('A5').value = new Date(Date.UTC(2019, 8, 5));
  sheet.mergeCells('A5:H5');

  const top = ['STT', 'Mã đơn vị', 'Tên đơn vị', 'Người đứng đầu', '', 'Điện thoại', 'Địa chỉ', 'Ghi chú'];
  top.forEach((text, index) => {
    if (text) sheet.getRow(6).getCell(index + 1).value = text;
  });
  sheet.getCell('D7').value = 'Họ và tên';
  sheet.getCell('E7').value = 'Chức vụ';
  for (const column of ['A', 'B', 'C', 'F', 'G', 'H']) sheet.mergeCells(`${column}6:${column}7`);
  sheet.mergeCells('D6:E6');
  sheet.getRow(8).values = ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)', '(8)'];

  sheet.getCell('A9').value = 'I. KHỐI TRƯỜNG MẦM NON';
  sheet.mergeCells('A9:H9');

  const row10 = sheet.getRow(10);
  row10.values = [1, 1, 'Trường Mầm non Hoa Sen', 'Nguyễn Thị Lan', 'Hiệu trưởng', 2053840123, 'Thị trấn Lộc Bình'];
  row10.getCell(2).numFmt = '000';
  row10.getCell(8).value = new Date(Date.UTC(2019, 8, 5));

  const row11 = sheet.getRow(11);
  row11.values = [2, '002'];
  row11.getCell(3).value = { formula: 'CONCATENATE("Trường Mầm non ","Na Dương")', result: 'Trường Mầm non Na Dương' };
  row11.getCell(4).value = { text: 'Hoàng Thị Mai', hyperlink: 'mailto:mai@example.vn' };
  row11.getCell(5).value = 'Hiệu trưởng';
  row11.getCell(6).value = '0205 3840 456';
  row11.getCell(7).value = 'Thị trấn Na Dương';

  const row13 = sheet.getRow(13);
  row13.values = [3, '003'];
  row13.getCell(3).value = bytesToChars(encodeTcvn3('Trường Mầm non Hoa Mai'));
  row13.getCell(3).font = { name: '.VnTime', size: 13 };
  row13.getCell(4).value = bytesToChars(encodeVni('Lương Thị Hoa'));
  row13.getCell(4).font = { name: 'VNI-Times', size: 13 };
  row13.getCell(5).value = 'Hiệu trưởng';
  row13.getCell(7).value = 'Xã Tú Đoạn';

  sheet.getCell('A14').value = 'II. UBND XÃ, THỊ TRẤN';
  sheet.mergeCells('A14:H14');

  sheet.getRow(15).values = [
    4,
    'XA01',
    'UBND xã Hiệp Hạ',
    'Lương Văn Hùng',
    'Chủ tịch UBND xã',
    '0205 3840 111',
    'Xã Hiệp Hạ',
  ];

  const row16 = sheet.getRow(16);
  row16.values = [5, 'XA02'];
  row16.getCell(3).value = bytesToChars(encodeTcvn3('ubnd thị trấn na dương'));
  row16.getCell(3).font = { name: '.VnTimeH', size: 13 };
  row16.getCell(4).value = 'Vi Văn Sơn';
  row16.getCell(5).value = 'Chủ tịch UBND thị trấn';

  const row17 = sheet.getRow(17);
  row17.getCell(1).value = 6;
  row17.getCell(3).value = {
    richText: [
      { text: 'UBND xã ', font: { name: 'Times New Roman' } },
      { text: bytesToChars(encodeTcvn3('Tú Đoạn')), font: { name: '.VnTime' } },
    ],
  };
  row17.getCell(4).value = 'Nông Văn Tuấn';
  row17.getCell(5).value = 'Chủ tịch UBND xã';

  sheet.getCell('C18').value = 'Cộng';
  sheet.getCell('A18').value = { formula: 'COUNT(A10:A17)', result: 6 };
  sheet.getCell('C19').value = 'Tổng cộng';
  sheet.getCell('F21').value = 'Lộc Bình, ngày 05 tháng 9 năm 2019';
  sheet.getCell('F22').value = 'NGƯỜI LẬP BIỂU';
  sheet.getCell('F24').value = 'Nguyễn Thị Thư';

  const hidden = workbook.addWorksheet('Ẩn', { state: 'hidden' });
  hidden.addRow(['Tên đơn vị', 'Ghi chú']);
  hidden.addRow(['Trường cũ đã giải thể', 'không nhập']);
  return workbookBytes(workbook);
}
