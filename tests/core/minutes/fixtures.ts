import type { MinutesDocument } from '../../../shared/domain/minutes';

/** Documents the way the mapping resolves them: a rich one, an almost empty one, a long one. */

export function richMinutes(): MinutesDocument {
  return {
    fileName: 'Biên bản 05-BB-ĐKT Trường Tiểu học Hiệp Hạ',
    header: { parentBody: 'UBND HUYỆN LỘC BÌNH', issuingBody: 'ĐOÀN KIỂM TRA' },
    number: { value: '05', symbol: 'BB-ĐKT' },
    place: 'Lộc Bình',
    date: { day: '09', month: '02', year: '2020' },
    unitName: 'Trường Tiểu học Hiệp Hạ',
    reinspection: false,
    legalBasis: [
      'Chỉ thị số 26/CT-TTg ngày 05/9/2016 của Thủ tướng Chính phủ về việc tăng cường kỷ luật, kỷ cương trong các cơ quan hành chính nhà nước các cấp',
      'Chỉ thị số 02/CT-UBND ngày 04/01/2018 của Chủ tịch UBND tỉnh Lạng Sơn về việc tăng cường kỷ luật, kỷ cương hành chính',
    ],
    decision: {
      number: '125/QĐ-UBND',
      date: '05/9/2019',
      authority: 'Chủ tịch UBND huyện Lộc Bình',
      period: 'năm học 2019–2020',
    },
    opening: {
      time: { hour: '08', minute: '00' },
      date: { day: '09', month: '02', year: '2020' },
      place: 'Văn phòng Trường Tiểu học Hiệp Hạ',
    },
    team: [
      { name: 'Hoàng Văn Dũng', position: 'Phó Trưởng phòng Giáo dục và Đào tạo', role: 'Trưởng đoàn' },
      { name: 'Lăng Thị Huyền', position: 'Chuyên viên Phòng Nội vụ', role: 'Phó Trưởng đoàn' },
      { name: 'Nông Văn Quý', position: 'Chuyên viên Phòng Giáo dục và Đào tạo', role: 'Thành viên' },
      { name: 'Nguyễn Thị Thư', position: 'Chuyên viên Phòng Giáo dục và Đào tạo', role: 'Thư ký' },
    ],
    representatives: [
      { name: 'Triệu Thị Mai', position: 'Hiệu trưởng', role: '' },
      { name: 'Vi Văn Toàn', position: 'Phó Hiệu trưởng', role: '' },
    ],
    criteria: [
      {
        number: '1',
        title: 'Văn bản, quy chế',
        rows: [
          { number: '1.1', text: 'Ban hành nội quy cơ quan', result: 'Đạt', note: '' },
          { number: '1.2', text: 'Quy chế hoạt động', result: 'Đạt', note: 'Ban hành ngày 12/9/2019' },
          { number: '1.3', text: 'Quy chế chi tiêu nội bộ', result: 'Chưa đạt', note: 'Chưa cập nhật định mức mới' },
          { number: '1.4', text: 'Quy chế dân chủ trong trường học', result: 'Đạt', note: '' },
          { number: '1.5', text: 'Quy tắc ứng xử trong trường học', result: 'Đạt', note: '' },
        ],
      },
      {
        number: '2',
        title: 'Công khai',
        rows: [
          {
            number: '2.1',
            text: 'Bảng "3 công khai" (cam kết chất lượng; điều kiện đảm bảo chất lượng; thu, chi tài chính)',
            result: 'Đạt',
            note: '',
          },
          {
            number: '2.2',
            text: 'Niêm yết thủ tục chuyển trường, chế độ bán trú',
            result: 'Không áp dụng',
            note: 'Trường không có học sinh bán trú',
          },
        ],
      },
      {
        number: '3',
        title: 'Tác phong, lề lối làm việc',
        rows: [
          { number: '3.1', text: 'Giờ giấc của cán bộ, giáo viên', result: 'Đạt', note: '' },
          {
            number: '3.2',
            text: 'Đeo thẻ công chức, viên chức',
            result: 'Chưa đạt',
            note: '02 giáo viên không đeo thẻ',
          },
          { number: '3.3', text: 'Quy tắc ứng xử tại nơi làm việc', result: 'Đạt', note: '' },
        ],
      },
      {
        number: '4',
        title: 'Hồ sơ, sổ sách',
        rows: [{ number: '4.1', text: 'Sắp xếp, lưu trữ khoa học', result: 'Đạt', note: '' }],
      },
    ],
    strengths: [
      'Nhà trường đã ban hành đầy đủ các văn bản liên quan đến nội quy, quy chế hoạt động, chi tiêu nội bộ, dân chủ trong trường học.',
      'Cán bộ, giáo viên chấp hành nghiêm giờ giấc làm việc; không có trường hợp đến trường, đến lớp muộn.',
    ],
    limitations: [
      'Quy chế chi tiêu nội bộ chưa được sửa đổi, bổ sung theo định mức mới.',
      'Còn 02 giáo viên không đeo thẻ viên chức trong giờ làm việc.',
    ],
    causes: ['Người đứng đầu đơn vị chưa thường xuyên kiểm tra, đôn đốc việc thực hiện.'],
    requests: [
      {
        text: 'Rà soát, sửa đổi, bổ sung quy chế chi tiêu nội bộ theo quy định hiện hành',
        deadline: 'ngày 15 tháng 3 năm 2020',
      },
      { text: 'Chấn chỉnh việc đeo thẻ viên chức trong giờ làm việc', deadline: 'ngày 28 tháng 02 năm 2020' },
      { text: 'Báo cáo kết quả khắc phục về Phòng Giáo dục và Đào tạo', deadline: '' },
    ],
    unitResponse: ['Nhà trường nhất trí với kết quả kiểm tra và cam kết khắc phục đúng thời hạn.'],
    conclusion: ['Nhà trường thực hiện tốt kỷ luật, kỷ cương hành chính; cần khắc phục ngay các tồn tại nêu trên.'],
    closing: { time: { hour: '11', minute: '30' }, copies: 2, unitCopies: 1, teamCopies: 1 },
    signatures: [
      { title: 'ĐẠI DIỆN ĐƠN VỊ ĐƯỢC KIỂM TRA', hint: '(Ký, ghi rõ họ tên, đóng dấu)', name: 'Triệu Thị Mai' },
      { title: 'TRƯỞNG ĐOÀN', hint: '(Ký, ghi rõ họ tên)', name: 'Hoàng Văn Dũng' },
      { title: 'THƯ KÝ', hint: '(Ký, ghi rõ họ tên)', name: 'Nguyễn Thị Thư' },
    ],
    recipients: ['Trường Tiểu học Hiệp Hạ', 'Phòng Giáo dục và Đào tạo'],
  };
}

/** A planned inspection with nothing recorded yet: every blank prints as dots. */
export function emptyMinutes(): MinutesDocument {
  return {
    fileName: 'Biên bản kiểm tra',
    header: { parentBody: 'UBND HUYỆN LỘC BÌNH', issuingBody: 'ĐOÀN KIỂM TRA' },
    number: { value: '', symbol: 'BB-ĐKT' },
    place: 'Lộc Bình',
    date: null,
    unitName: 'UBND xã Hiệp Hạ',
    reinspection: false,
    legalBasis: [],
    decision: { number: '', date: '', authority: '', period: '' },
    opening: { time: null, date: null, place: '' },
    team: [],
    representatives: [],
    criteria: [],
    strengths: [],
    limitations: [],
    causes: [],
    requests: [],
    unitResponse: [],
    conclusion: [],
    closing: { time: null, copies: 2, unitCopies: 1, teamCopies: 1 },
    signatures: [
      { title: 'ĐẠI DIỆN ĐƠN VỊ ĐƯỢC KIỂM TRA', hint: '(Ký, ghi rõ họ tên, đóng dấu)', name: '' },
      { title: 'TRƯỞNG ĐOÀN', hint: '(Ký, ghi rõ họ tên)', name: '' },
    ],
    recipients: [],
  };
}

/** Many criteria with long notes and long findings: flows over several pages. */
export function longMinutes(): MinutesDocument {
  const doc = richMinutes();
  doc.fileName = 'Biên bản 12-BB-ĐKT UBND xã Hiệp Hạ';
  doc.unitName = 'UBND xã Hiệp Hạ';
  doc.number.value = '12';
  doc.criteria = Array.from({ length: 6 }, (_, g) => ({
    number: String(g + 1),
    title: `Nhóm tiêu chí số ${g + 1} về thực hiện kỷ luật, kỷ cương hành chính`,
    rows: Array.from({ length: 6 }, (_, r) => ({
      number: `${g + 1}.${r + 1}`,
      text: `Tiêu chí ${g + 1}.${r + 1}: niêm yết đầy đủ, đúng quy định bộ thủ tục hành chính thuộc thẩm quyền giải quyết; vị trí niêm yết thuận lợi cho tổ chức, cá nhân tra cứu`,
      result: r % 3 === 1 ? 'Chưa đạt' : 'Đạt',
      note: r % 2 === 0 ? 'Đã kiểm tra hồ sơ lưu trữ tại bộ phận một cửa, sổ theo dõi và phỏng vấn cán bộ trực' : '',
    })),
  }));
  doc.strengths = Array.from(
    { length: 8 },
    (_, i) =>
      `Ưu điểm thứ ${i + 1}: các cơ quan, đơn vị đã tuyên truyền, quán triệt các nội dung văn bản về thực hiện kỷ luật, kỷ cương hành chính đến toàn thể cán bộ, công chức, viên chức thông qua các buổi họp cơ quan, đơn vị; ban hành quy chế và sửa đổi, bổ sung các quy chế.`,
  );
  doc.limitations = Array.from(
    { length: 6 },
    (_, i) =>
      `Hạn chế thứ ${i + 1}: việc niêm yết thủ tục hành chính tại bộ phận tiếp nhận và trả kết quả chưa được cập nhật kịp thời khi có thay đổi, một số thủ tục còn niêm yết bản cũ.`,
  );
  return doc;
}
