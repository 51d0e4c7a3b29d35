import type { Block, DocumentLayout, TableRow } from '../../../electron/core/documents/blocks';

/**
 * A document the engine knows nothing about, shaped like the coming results report (Mẫu 1.4):
 * header, title, headings of three levels, paragraphs with bold and italic, lists, a table long
 * enough to run over several pages, a page break, and "Nơi nhận" beside the one signature.
 */

/** Text a clerk might type that looks like markup: printed as it is, never interpreted. */
export const MARKUP = 'Ghi chú <script>alert(1)</script> & "trích" <b>đậm</b>';

/** Rows of the table; each row's text opens with `đầuNN` and closes with `cuốiNN`. */
export const ROWS_PER_GROUP = 14;
export const GROUPS = ['Khối trường mầm non', 'Khối trường tiểu học', 'Khối trường trung học cơ sở'];

export function rowNumber(group: number, row: number): string {
  return String(group * ROWS_PER_GROUP + row + 1).padStart(2, '0');
}

function tableRows(): TableRow[] {
  return GROUPS.flatMap((title, group) => [
    { group: `${group + 1}. ${title}` },
    ...Array.from({ length: ROWS_PER_GROUP }, (_, row): TableRow => {
      const number = rowNumber(group, row);
      return {
        cells: [
          [{ text: number }],
          [
            {
              text:
                `đầu${number} Trường số ${number} đã niêm yết công khai thủ tục hành chính, nội quy, quy chế làm việc; ` +
                `cán bộ, giáo viên chấp hành giờ giấc, đeo thẻ viên chức đúng quy định cuối${number}`,
            },
          ],
          row % 4 === 3 ? [{ fill: 3 }] : [{ text: row % 3 === 0 ? 'Chưa đạt' : 'Đạt' }],
          [{ text: `${(row * 7) % 100},5%` }],
        ],
      };
    }),
  ]);
}

export function reportBlocks(): Block[] {
  return [
    {
      kind: 'header',
      parentBody: 'UBND HUYỆN LỘC BÌNH',
      issuingBody: 'PHÒNG GIÁO DỤC VÀ ĐÀO TẠO',
      nationalName: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      motto: 'Độc lập - Tự do - Hạnh phúc',
      number: [{ text: 'Số: 12/BC-PGDĐT' }],
      placeDate: [{ text: 'Lộc Bình, ngày 15 tháng 6 năm 2020' }],
    },
    {
      kind: 'title',
      title: 'BÁO CÁO',
      subtitle: [{ text: 'Kết quả kiểm tra việc thực hiện kỷ luật, kỷ cương hành chính năm học 2019–2020' }],
    },
    {
      kind: 'paragraph',
      runs: [
        { text: 'Thực hiện ' },
        { text: 'Kế hoạch số 45/KH-PGDĐT', bold: true },
        { text: ' ngày 10/9/2019, ' },
        { text: 'Phòng Giáo dục và Đào tạo', italic: true },
        { text: ' báo cáo kết quả kiểm tra như sau:' },
      ],
    },
    { kind: 'heading', level: 1, runs: [{ text: 'I. KẾT QUẢ KIỂM TRA' }] },
    { kind: 'heading', level: 2, runs: [{ text: '1. Số đơn vị được kiểm tra' }] },
    { kind: 'heading', level: 3, runs: [{ text: '1.1. Theo kế hoạch' }] },
    {
      kind: 'list',
      marker: 'letter',
      items: [
        [{ text: 'Khối mầm non: 14 trường;' }],
        [{ text: 'Khối tiểu học: 14 trường;' }],
        [{ text: 'Khối trung học cơ sở: ' }, { fill: 4 }, { text: ' trường.' }],
      ],
    },
    { kind: 'paragraph', runs: [{ text: MARKUP }] },
    {
      kind: 'table',
      name: 'coverage',
      intro: [{ text: 'Kết quả từng đơn vị được kiểm tra:', italic: true }],
      columns: [
        { title: 'STT', width: 12, align: 'center' },
        { title: 'Đơn vị và nội dung', align: 'left' },
        { title: 'Đánh giá', width: 26, align: 'center' },
        { title: 'Tỷ lệ', width: 22, align: 'right' },
      ],
      rows: tableRows(),
    },
    { kind: 'pageBreak' },
    { kind: 'heading', level: 1, runs: [{ text: 'II. ĐỀ XUẤT, KIẾN NGHỊ' }] },
    {
      kind: 'list',
      marker: 'dash',
      items: [[{ text: 'Đề nghị các đơn vị khắc phục ngay các hạn chế;' }], [{ text: 'Báo cáo kết quả khắc phục.' }]],
    },
    { kind: 'dotted', lines: 2 },
    {
      kind: 'closing',
      runs: [],
      signatures: [[{ title: 'KT. TRƯỞNG PHÒNG\nPHÓ TRƯỞNG PHÒNG', hint: '', name: 'Lăng Thị Huyền' }]],
      recipients: {
        heading: 'Nơi nhận:',
        items: ['- UBND huyện (để báo cáo);', '- Các trường học;', '- Lưu: VT.'],
        beside: true,
      },
    },
  ];
}

export function reportLayout(): DocumentLayout {
  return {
    title: 'Báo cáo kết quả kiểm tra <năm học> 2019–2020',
    subject: 'Báo cáo kết quả kiểm tra việc thực hiện kỷ luật, kỷ cương hành chính',
    description: 'Báo cáo (Mẫu 1.4, Nghị định 30/2020/NĐ-CP)',
    blocks: reportBlocks(),
  };
}
